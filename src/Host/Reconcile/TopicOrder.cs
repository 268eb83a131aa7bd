namespace Commerce.Host.Reconcile;

/// <summary>What the order-events topic carried about one order: whether it was placed, and its confirmed, kept payments (kind, transaction hash).</summary>
public sealed record TopicOrder(string OrderId, bool Placed, IReadOnlyList<(string Kind, string TransactionHash)> ConfirmedPayments);
