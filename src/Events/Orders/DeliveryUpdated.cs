using Orleans;

namespace Commerce.Events.Orders;

/// <summary>
/// What the transaction executor reports about one of an order's commands (its delivery, a default, a refund), routed from
/// commerce.chain-transactions. Key: order id. <see cref="Detail"/> is for people (the reason, else the transaction and
/// its block); the order acts only on an update carrying the executor's mark (<see cref="ExecutorMac"/>, checked by
/// <see cref="DeliveryUpdateMac"/> under Orders:CommandKey over command id, status, transaction hash and reason).
/// </summary>
[GenerateSerializer, Immutable, Alias("commerce.events.DeliveryUpdated")]
public sealed record DeliveryUpdated(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string CommandId,
    [property: Id(2)] string Status,
    [property: Id(3)] string? Detail) : IEvent
{
    /// <summary>The executor's transaction hash, as it marked it (null when none).</summary>
    [Id(4)]
    public string? TransactionHash { get; init; }

    /// <summary>The executor's reason (a failure's), as it marked it.</summary>
    [Id(5)]
    public string? Reason { get; init; }

    /// <summary>The executor's mark of the update it published, carried over by the router (<see cref="Chain.ChainUpdateMac"/>).</summary>
    [Id(6)]
    public string? ExecutorMac { get; init; }
}
