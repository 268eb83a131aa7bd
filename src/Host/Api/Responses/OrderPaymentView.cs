namespace Commerce.Host.Api.Responses;

/// <summary>A Checkout log about the order, as the chain watcher reported it (amounts in base units).</summary>
public sealed record OrderPaymentView(
    string Kind, string Amount, string TotalPaid, string TransactionHash, int LogIndex, long BlockNumber, bool Confirmed, bool Reorged, DateTimeOffset At);
