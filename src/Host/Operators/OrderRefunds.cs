using System.Security.Claims;
using Commerce.Actors.Orders;
using Commerce.Events.Orders;
using Commerce.Host.Problems;

namespace Commerce.Host.Operators;

/// <summary>
/// POST /api/admin/orders/{orderId}/refund: an operator refunds a completed purchase through the Checkout. The order grain
/// asks the executor once (a repeat, from any operator, is answered with the first request), so no Idempotency-Key is
/// needed: the order id is the key. 202 with the refund; 404 for no such order; 409 naming orderId when it is not refundable.
/// </summary>
internal static partial class OrderRefunds
{
    public const int MaxReason = 500;

    public static async Task<IResult> RefundAsync(string orderId, RefundOrderRequest? body, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!OrderId().IsMatch(orderId))
            return Problem.Field("orderId", "must be an order id: 0x and 64 hex digits (the quote's nonce)");
        if (string.IsNullOrWhiteSpace(body?.Reason) || body.Reason.Trim().Length > MaxReason)
            return Problem.Field("reason", $"is required: why the order is refunded (at most {MaxReason} characters), kept in the order's history");
        var id = orderId.ToLowerInvariant();
        var answer = await grains.GetGrain<IOrderGrain>(id).RequestRefundAsync(new OrderRefundRequested(id, OperatorsApi.Who(user), body.Reason.Trim()));
        return answer.Events.Single().Payload switch
        {
            OrderRefundRefused { Status: OrderStatus.None } => Problem.NotFound($"no order {id} was placed"),
            OrderRefundRefused r => Problem.Conflict("The order cannot be refunded", "orderId", $"{r.Reason} (state {r.Status})",
                new Dictionary<string, object?> { ["orderStatus"] = r.Status }),
            OrderRefundAccepted a => TypedResults.Accepted($"/api/admin/orders/{id}",
                new OrderRefundView(id, OrderStatus.Completed, a.CommandId, a.RequestedBy, a.Reason, a.RequestedAt)),
            var other => throw new InvalidOperationException($"a refund was answered {other.GetType().Name}"),
        };
    }

    [System.Text.RegularExpressions.GeneratedRegex("^0x[0-9a-fA-F]{64}$")]
    private static partial System.Text.RegularExpressions.Regex OrderId();
}
