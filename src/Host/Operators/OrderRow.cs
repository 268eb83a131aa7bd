using Commerce.Actors.Orders;

namespace Commerce.Host.Operators;

/// <summary>One order as the operators' search shows it (the whole state: GET /api/admin/grains/order/{id}).</summary>
public sealed record OrderRow(
    string OrderId,
    string? PlayerId,
    string? ItemId,
    string Status,
    string? PaymentKind,
    string? Price,
    string? Currency,
    string TotalPaid,
    DateTimeOffset? PlacedAt,
    DateTimeOffset? UpdatedAt)
{
    public static OrderRow Of(OrderState s) =>
        new(s.OrderId, s.PlayerId, s.ItemId, s.Status, s.PaymentKind, s.Quote?.Price, s.Quote?.Currency, s.TotalPaid, s.PlacedAt, s.UpdatedAt);
}
