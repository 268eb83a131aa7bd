namespace Commerce.Host.Api;

/// <summary>
/// The body of <c>POST /api/me/orders</c>: the item, the signed quote exactly as offered and its signature, and how
/// the player pays ("eth", "stablecoin" or "installments"). Nullable members so a missing field is named.
/// </summary>
public sealed record OrderRequest(string? ItemId, OrderQuoteRequest? Quote, string? Signature, string? PaymentKind);
