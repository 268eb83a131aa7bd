using Orleans;

namespace Commerce.Actors.Orders;

/// <summary>A Checkout log about the order, as the watcher reported it (amounts in base units).</summary>
[GenerateSerializer, Immutable, Alias("commerce.state.OrderPayment")]
public sealed record OrderPayment(
    [property: Id(0)] string Kind,
    [property: Id(1)] string Amount,
    [property: Id(2)] string TotalPaid,
    [property: Id(3)] string TransactionHash,
    [property: Id(4)] int LogIndex,
    [property: Id(5)] long BlockNumber,
    [property: Id(6)] bool Confirmed,
    [property: Id(7)] bool Reorged,
    [property: Id(8)] DateTimeOffset At);
