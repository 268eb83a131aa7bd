namespace Commerce.Host.Reconcile;

/// <summary>One disagreement between the database, the order-events topic and the chain about an order.</summary>
/// <param name="OrderId">The order (0x + 64 hex), or the purchase id found on chain without an order.</param>
/// <param name="Kind">A stable name of the kind of mismatch (see <see cref="MismatchKinds"/>).</param>
/// <param name="Detail">What each side says.</param>
public sealed record Mismatch(string OrderId, string Kind, string Detail);
