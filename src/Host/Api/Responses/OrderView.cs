using Commerce.Actors.Orders;

namespace Commerce.Host.Api.Responses;

/// <summary>
/// <c>GET /api/me/orders/{orderId}</c>: one of the caller's orders as its buyer may see it (docs/SECURITY.md, "What responses
/// show"), not the grain's state: status, the quote the buyer signed for, what the chain saw paid, every step, the plan.
/// Left out: the platform's copy of the quote signature and how the order asks the executor (its commands and retries).
/// </summary>
public sealed record OrderView(
    string OrderId,
    string? ItemId,
    string Status,
    bool Terminal,
    string? PaymentKind,
    string? IdempotencyKey,
    OrderQuoteView? Quote,
    DateTimeOffset? ReservedUntil,
    string TotalPaid,
    IReadOnlyList<OrderPaymentView> Payments,
    IReadOnlyList<OrderStepView> History,
    InstallmentPlanView? Plan,
    DateTimeOffset? PlacedAt,
    DateTimeOffset? UpdatedAt)
{
    public static OrderView Of(OrderState order) => new(
        order.OrderId,
        order.ItemId,
        order.Status,
        order.Terminal,
        order.PaymentKind,
        order.IdempotencyKey,
        order.Quote is { } q ? new OrderQuoteView(q.Collection, q.TokenId, q.Buyer, q.Currency, q.Price, q.Installments, q.Expiry, q.Nonce) : null,
        order.ReservedUntil,
        order.TotalPaid,
        [.. order.Payments.Select(p => new OrderPaymentView(p.Kind, p.Amount, p.TotalPaid, p.TransactionHash, p.LogIndex, p.BlockNumber, p.Confirmed, p.Reorged, p.At))],
        [.. order.History.Select(h => new OrderStepView(h.Event, h.From, h.To, h.At, h.Detail))],
        order.Plan is { } plan ? new InstallmentPlanView(plan.Installments, plan.PaymentsMade, plan.NextDeadline, plan.IntervalSeconds) : null,
        order.PlacedAt,
        order.UpdatedAt);
}
