namespace Commerce.Host.Orders;

/// <summary>What claiming an Idempotency-Key found (<see cref="IdempotencyKeys.ClaimAsync"/>).</summary>
public abstract record IdempotencyClaim
{
    private IdempotencyClaim()
    {
    }

    /// <summary>The key is this request's now: go on, then complete or release it.</summary>
    public sealed record Claimed : IdempotencyClaim;

    /// <summary>The key was used before: by the same request (same hash) or another; its answer, unless still in progress.</summary>
    public sealed record Existing(string RequestHash, int? Status, string? Body) : IdempotencyClaim;

    /// <summary>The quote (order id) was claimed under another key.</summary>
    public sealed record OrderTaken : IdempotencyClaim;
}
