using Commerce.Actors.Runtime;
using Commerce.Events.Chain;
using Commerce.Events.Orders;
using Commerce.Events.Topics;

namespace Commerce.Actors.Orders;

/// <summary>
/// An operator's refund through the Checkout (docs/ORDERS.md, "Refunds"): Checkout.refund pays a completed purchase's
/// full price back to its buyer and leaves the item with it. Asked of the executor once (one command id per attempt; a
/// repeat while it is pending is answered with the first request); the order becomes refunded only when the watcher
/// reports the Checkout's Refunded log confirmed, and a failed command may be asked again.
/// </summary>
public sealed partial class OrderGrain
{
    /// <summary>Selector of Checkout.refund(bytes32): the first 4 bytes of keccak256("refund(bytes32)").</summary>
    public const string RefundSelector = "0x7249fbb6";

    /// <summary>The executor command id of an order's first refund; attempt n > 1 adds ":n".</summary>
    public static string RefundCommandId(string orderId, int attempt = 1) =>
        attempt <= 1 ? $"order:{orderId}:refund" : $"order:{orderId}:refund:{attempt}";

    public Task<Replies> RequestRefundAsync(OrderRefundRequested request) => ReceiveCallAsync(request);

    private void RequestRefund(OrderRefundRequested request)
    {
        if (RefundRefusal() is { } refusal)
        {
            ChangedNothing();
            Reply(Key, new OrderRefundRefused(Key, State.Status, refusal));
            return;
        }
        if (State.Refund is { FailedBecause: null } pending)
        {
            // Asked already and not failed: the same answer, never a second command.
            Record(nameof(OrderRefundRequested), $"asked again by {request.RequestedBy}: {pending.CommandId} is already asked");
            Reply(Key, Accepted(pending));
            return;
        }
        var attempt = (State.Refund?.Attempt ?? 0) + 1;
        var commandId = RefundCommandId(Key, attempt);
        var refund = new OrderRefund(request.RequestedBy, request.Reason, Current.OccurredAt, commandId, attempt, null);
        Emit(TopicCatalog.ChainCommands, commandId, Marked(new ChainCommandRequested(
            commandId, ChainCommandKinds.Refund, _options.CheckoutAddress, "0", PurchaseIdCall(RefundSelector, Key), 0, null)));
        State = State with { Refund = refund };
        Record(nameof(OrderRefundRequested), $"refund asked by {request.RequestedBy} ({commandId}): {request.Reason}");
        Reply(Key, Accepted(refund));
    }

    /// <summary>Why this order cannot be refunded now, or null.</summary>
    private string? RefundRefusal() => State switch
    {
        { Status: OrderStatus.None } => "no such order",
        { Status: OrderStatus.Refunded } => "the order is already refunded",
        { Status: not OrderStatus.Completed } => $"the order is {State.Status}: only a completed purchase (paid in full) can be refunded",
        _ when State.PaymentKind == CustodialKind => "the order was paid from the custodial balance: there is no Checkout purchase to refund",
        _ when string.IsNullOrEmpty(_options.CheckoutAddress) => "no Checkout is configured (Orders:CheckoutAddress) to refund through",
        _ => null,
    };

    private OrderRefundAccepted Accepted(OrderRefund refund) =>
        new(Key, refund.CommandId, refund.RequestedBy, refund.Reason, refund.RequestedAt);

    /// <summary>
    /// The Checkout's Refunded log is confirmed (asked through this order or by an operator on chain directly): a
    /// completed order becomes refunded, once. False for other logs.
    /// </summary>
    private bool HandledAsRefund(PaymentObserved payment, string name)
    {
        if (payment.Kind != "Refunded")
            return false;
        if (State.Status != OrderStatus.Completed)
        {
            Record(name, $"a refund of {payment.Amount} while {State.Status}: the state stays");
            return true;
        }
        var asked = State.Refund is { } r ? $", asked by {r.RequestedBy} at {r.RequestedAt:O}: {r.Reason}" : ", asked on chain";
        Move(name, OrderStatus.Refunded, $"refunded {payment.Amount} to {payment.Buyer} in {payment.TransactionHash}{asked}");
        return true;
    }

    /// <summary>The executor's word on a refund command: a failed one (no effect on chain) may be asked again. False for other commands.</summary>
    private bool HandledAsRefundCommand(DeliveryUpdated delivery)
    {
        if (!delivery.CommandId.StartsWith(RefundCommandId(Key), StringComparison.Ordinal))
            return false;
        var name = $"{nameof(DeliveryUpdated)}:{delivery.Status}";
        if (delivery.Status == ChainTransactionUpdated.Failed && State.Refund is { } refund && refund.CommandId == delivery.CommandId
            && State.Status == OrderStatus.Completed)
        {
            State = State with { Refund = refund with { FailedBecause = delivery.Detail ?? "failed" } };
            Record(name, $"{delivery.CommandId} failed ({delivery.Detail}); an operator may ask for the refund again");
            return true;
        }
        Record(name, $"{delivery.CommandId}: {delivery.Detail}");
        return true;
    }
}
