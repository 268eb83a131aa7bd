namespace Commerce.Host.Operators;

/// <summary>
/// A refund asked of the executor (or already asked): the command carrying Checkout.refund, who asked, when and why. The
/// order's status stays completed until the Checkout's Refunded log is confirmed, then it is refunded.
/// </summary>
public sealed record OrderRefundView(string OrderId, string Status, string CommandId, string RequestedBy, string Reason, DateTimeOffset RequestedAt);
