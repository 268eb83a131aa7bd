namespace Commerce.Actors.Orders;

/// <summary>A Checkout log about the order, as the watcher reported it (amounts in base units).</summary>
public sealed record OrderPayment(
    string Kind,
    string Amount,
    string TotalPaid,
    string TransactionHash,
    int LogIndex,
    long BlockNumber,
    bool Confirmed,
    bool Reorged,
    DateTimeOffset At);
