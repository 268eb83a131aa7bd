namespace Commerce.Host.Api;

/// <summary>The answer to a placed order: its id (the quote's nonce), to read it with <c>GET /api/me/orders/{orderId}</c>.</summary>
public sealed record OrderAccepted(string OrderId);
