using Commerce.Execution.Gas;

namespace Commerce.Execution.Executor.Tracking;

/// <summary>What replaces a stuck command's latest attempt at the same nonce.</summary>
internal abstract record Replacement
{
    private Replacement()
    {
    }

    /// <summary>The same transaction with both fees raised.</summary>
    public sealed record FeeBump(Fees Fees) : Replacement;

    /// <summary>A 0-value self-transfer that only uses up the nonce; the command will fail with <paramref name="Reason"/>.</summary>
    public sealed record NoOp(string Reason) : Replacement;
}
