namespace Commerce.Host.Operators;

/// <summary>The body of POST /api/admin/orders/{orderId}/refund: why the order is refunded (kept in the order's history).</summary>
public sealed record RefundOrderRequest(string? Reason);
