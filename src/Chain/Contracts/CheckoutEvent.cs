using Commerce.Chain.JsonRpc;

namespace Commerce.Chain.Contracts;

/// <summary>A decoded Checkout log; <see cref="Log"/> locates it (block, transaction, log index) for an indexer.</summary>
public abstract record CheckoutEvent
{
    public required RpcLog Log { get; init; }
}
