using System.Globalization;
using System.Numerics;
using System.Text.Json.Serialization.Metadata;
using Commerce.Actors.Ledger;
using Commerce.Actors.Runtime;
using Commerce.Actors.Serialization;
using Commerce.Events.Custody;
using Commerce.Events.Envelope;
using Commerce.Events.Items;
using Commerce.Events.Orders;
using Commerce.Events.Player;
using Commerce.Events.Topics;

namespace Commerce.Actors.Orders;

/// <summary>
/// The order saga (docs/ORDERS.md): placed -> reserved -> completed, or plan-active -> completed | defaulted for
/// installments, or cancelled on refusal, expiry or timeout. Each change of state is told to the player
/// (OrderUpdated); every event is kept in the history, and after the one terminal state nothing changes.
/// </summary>
public sealed partial class OrderGrain(TimeSpan reservation) : Grain<OrderState>, IOrderGrain
{
    public const string TypeName = "order";

    /// <summary>The reminder that cancels an order whose payment was not seen in time.</summary>
    public const string PaymentReminder = "payment";

    /// <summary>Fed by the API, item-grain outboxes and the Checkout watcher (all at least once), so it dedupes on event ids.</summary>
    public static GrainDefinition Definition { get; } = DefinitionFor(TimeSpan.FromMinutes(OrderOptions.DefaultReservationMinutes));

    /// <summary>The grain type with <paramref name="reservation"/> as the time an order holds its item while the payment is awaited.</summary>
    public static GrainDefinition DefinitionFor(TimeSpan reservation) =>
        reservation > TimeSpan.Zero
            ? new(TypeName, TopicCatalog.OrderEvents, DedupeByEventId: true, () => new OrderGrain(reservation))
            : throw new ArgumentOutOfRangeException(nameof(reservation), reservation, "the reservation time must be positive");

    protected override JsonTypeInfo<OrderState> StateJson => GrainJsonContext.Default.OrderState;

    protected override OrderState CreateState(string key) => OrderState.New(key);

    protected override ValueTask ReceiveAsync(EventEnvelope envelope) => envelope.Payload switch
    {
        OrderPlaced e => PlaceAsync(e),
        ItemReserved e => ReservedAsync(e),
        ReservationRefused e => RefusedAsync(e),
        ReservationExpired e => ReservationExpiredAsync(e),
        PaymentObserved e => ObservePaymentAsync(e),
        OrderTimedOut e => TimedOutAsync(e),
        DeliveryUpdated e => DeliveryUpdatedAsync(e),
        FundsHeld e => FundsHeldAsync(e),
        HoldRefused e => HoldRefusedAsync(e),
        _ => throw new UnhandledEventException(TypeName, envelope.Type),
    };

    public ValueTask PlaceAsync(OrderPlaced placed)
    {
        if (State.Status != OrderStatus.None)
        {
            Record(nameof(OrderPlaced), placed.IdempotencyKey == State.IdempotencyKey ? "a repeat of the placed order" : "the order was already placed with another idempotency key");
            return ValueTask.CompletedTask;
        }
        var at = Context.Current.OccurredAt;
        var until = at + reservation;
        State = State with
        {
            PlayerId = placed.PlayerId,
            Wallet = placed.Wallet,
            ItemId = placed.ItemId,
            Quote = placed.Quote,
            Signature = placed.Signature,
            PaymentKind = placed.PaymentKind,
            IdempotencyKey = placed.IdempotencyKey,
            DeliverFromCheckout = placed.DeliverFromCheckout,
            ReservedUntil = until,
            PlacedAt = at,
        };
        Context.Emit(TopicCatalog.ItemEvents, placed.ItemId, new ReservationRequested(placed.ItemId, Key, placed.PlayerId, until));
        Context.SetReminder(PaymentReminder, until, new OrderTimedOut(Key, PaymentReminder));
        Move(nameof(OrderPlaced), OrderStatus.Placed, null);
        return ValueTask.CompletedTask;
    }

    public ValueTask ReservedAsync(ItemReserved reserved)
    {
        if (State.Status == OrderStatus.Placed)
        {
            State = State with { ReservedUntil = reserved.ReservedUntil };
            Move(nameof(ItemReserved), OrderStatus.Reserved, $"held until {reserved.ReservedUntil:O}");
            RequestHoldIfCustodial();
            return ValueTask.CompletedTask;
        }
        if (State.Status is OrderStatus.Cancelled)
        {
            // The hold arrived after the order gave up (a timeout raced the answer): give it back.
            Context.Emit(TopicCatalog.ItemEvents, reserved.ItemId, new ReservationReleased(reserved.ItemId, Key, "the order was already cancelled"));
            Record(nameof(ItemReserved), "the order was already cancelled: the hold is released");
            return ValueTask.CompletedTask;
        }
        Record(nameof(ItemReserved), null);
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// No hold, or the hold was lost: the item is another order's (reserved, or bought on chain after this order's own
    /// hold ran out). Cancelled unless this order's own purchase is confirming, which the chain then decides.
    /// </summary>
    public ValueTask RefusedAsync(ReservationRefused refused)
    {
        if (State.Status is OrderStatus.Placed or OrderStatus.Reserved && !KeptWhilePaymentConfirms(nameof(ReservationRefused)))
            Cancel(nameof(ReservationRefused), refused.Reason);
        else
            Record(nameof(ReservationRefused), refused.Reason);
        return ValueTask.CompletedTask;
    }

    public ValueTask ReservationExpiredAsync(ReservationExpired expired)
    {
        if (State.Status is OrderStatus.Placed or OrderStatus.Reserved)
        {
            if (!KeptWhilePaymentConfirms(nameof(ReservationExpired)))
                Cancel(nameof(ReservationExpired), "the item's hold ran out before the payment was seen");
        }
        else
            Record(nameof(ReservationExpired), null);
        return ValueTask.CompletedTask;
    }

    public ValueTask ObservePaymentAsync(PaymentObserved payment)
    {
        var name = $"{nameof(PaymentObserved)}:{payment.Kind}";
        var log = new OrderPayment(payment.Kind, payment.Amount, payment.TotalPaid, payment.TransactionHash, payment.LogIndex,
            payment.BlockNumber, payment.Confirmed, payment.Reorged, Context.Current.OccurredAt);
        State = State with { Payments = Bounded(State.Payments, log) };
        if (payment.Reorged)
        {
            Record(name, $"the log's block {payment.BlockNumber} left the chain");
            return ValueTask.CompletedTask;
        }
        if (!payment.Confirmed)
        {
            Record(name, "not yet confirmed");
            return ValueTask.CompletedTask;
        }
        RecordMoneyMoved(payment);
        if (HandledAsLatePayment(payment, name))
            return ValueTask.CompletedTask;
        if (State.Terminal || State.Quote is null)
        {
            Record(name, State.Terminal ? $"the order is already {State.Status}" : "no such order was placed");
            return ValueTask.CompletedTask;
        }
        if (!string.Equals(payment.Buyer, State.Wallet, StringComparison.OrdinalIgnoreCase))
        {
            Record(name, $"paid by {payment.Buyer}, not by the order's wallet");
            return ValueTask.CompletedTask;
        }

        var installments = State.Quote.Installments;
        switch (payment.Kind)
        {
            case "Purchased" when State.Status is OrderStatus.Placed or OrderStatus.Reserved:
                var due = AmountDueAtPurchase(State.Quote.Price, installments);
                if (!TryParseAmount(payment.Amount, out var amount) || amount != due)
                {
                    Record(name, $"paid {payment.Amount}, the quote asks {due} at purchase");
                    return ValueTask.CompletedTask;
                }
                State = State with { TotalPaid = payment.TotalPaid };
                Context.CancelReminder(PaymentReminder);
                if (installments > 1)
                {
                    Move(name, OrderStatus.PlanActive, $"down payment {payment.Amount} in {payment.TransactionHash}");
                    StartPlan(payment);
                    Context.Emit(TopicCatalog.ItemEvents, State.ItemId!, new ItemPaidFor(State.ItemId!, Key, State.PlayerId!, State.Wallet!));
                }
                else
                {
                    Sell();
                    Move(name, OrderStatus.Completed, $"paid {payment.Amount} in {payment.TransactionHash}");
                }
                break;
            case "InstallmentPaid" when State.Status == OrderStatus.PlanActive:
                State = State with { TotalPaid = payment.TotalPaid };
                AdvancePlan(payment);
                Record(name, $"total paid {payment.TotalPaid}");
                break;
            case "PlanCompleted" when State.Status == OrderStatus.PlanActive:
                // The Checkout's PlanCompleted carries no amount (the watcher reports 0): the whole price was paid.
                State = State with { TotalPaid = State.Quote.Price };
                EndPlan();
                Sell();
                Move(name, OrderStatus.Completed, $"the plan is paid in full ({State.Quote.Price})");
                break;
            case "PlanDefaulted" when State.Status == OrderStatus.PlanActive:
                // The Checkout took the item back from escrow (for sale again) and refunded the buyer.
                EndPlan();
                Context.Emit(TopicCatalog.ItemEvents, State.ItemId!, new ReservationReleased(State.ItemId!, Key, "the plan defaulted: the Checkout reclaimed the item"));
                Move(name, OrderStatus.Defaulted, "a deadline was missed: the contract reclaimed the item");
                break;
            default:
                Record(name, $"not expected while {State.Status}");
                break;
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask TimedOutAsync(OrderTimedOut timedOut)
    {
        if (HandledByInstallments(timedOut) || HandledAsMintCheck(timedOut))
            return ValueTask.CompletedTask;
        if (timedOut.Stage == PaymentReminder && State.Status is OrderStatus.Placed or OrderStatus.Reserved)
        {
            Context.Emit(TopicCatalog.ItemEvents, State.ItemId!, new ReservationReleased(State.ItemId!, Key, "the payment was not seen in time"));
            Cancel(nameof(OrderTimedOut), "the payment was not seen in time");
        }
        else
        {
            Record(nameof(OrderTimedOut), timedOut.Stage);
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask DeliveryUpdatedAsync(DeliveryUpdated delivery)
    {
        if (HandledAsDelivery(delivery) || HandledAsOrderCommand(delivery))
            return ValueTask.CompletedTask;
        Record(nameof(DeliveryUpdated), $"{delivery.CommandId}: {delivery.Status}");
        return ValueTask.CompletedTask;
    }

    /// <summary>What the buyer pays with the purchase: the whole price, or the plan's down payment (the Checkout's rule: the price less N-1 installments of price / N, rounded down).</summary>
    public static BigInteger AmountDueAtPurchase(string price, int installments)
    {
        var total = BigInteger.Parse(price, NumberStyles.None, CultureInfo.InvariantCulture);
        return installments <= 1 ? total : total - total / installments * (installments - 1);
    }

    /// <summary>
    /// Every confirmed Checkout log that moved money goes to the ledger (D9), whatever the order makes of it.
    /// Purchases and installments go from the buyer to the Checkout; defaults and refunds back to the buyer.
    /// </summary>
    private void RecordMoneyMoved(PaymentObserved payment)
    {
        if (payment.Kind == "PlanCompleted")
            return; // moves no money (the last InstallmentPaid did); the item's release is the item grain's entry
        var toBuyer = payment.Kind is "PlanDefaulted" or "Refunded";
        Context.AppendToLedger(new LedgerEntry($"payment.{payment.Kind}", Key, State.Quote?.Currency, payment.Amount,
            toBuyer ? "checkout" : payment.Buyer, toBuyer ? payment.Buyer : "checkout", $"{payment.TransactionHash}:{payment.LogIndex}"));
    }

    private static bool TryParseAmount(string text, out BigInteger amount) =>
        BigInteger.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out amount);

    /// <summary>Tells the item it now belongs to the order's wallet; <paramref name="minted"/>: the token was minted for the sale.</summary>
    private void Sell(bool minted = true) =>
        Context.Emit(TopicCatalog.ItemEvents, State.ItemId!, new ItemSold(State.ItemId!, Key, State.Wallet!, minted));

    private void Cancel(string eventName, string reason)
    {
        Context.CancelReminder(PaymentReminder);
        Move(eventName, OrderStatus.Cancelled, reason);
    }

    /// <summary>Moves to <paramref name="to"/>, keeps the step and tells the player.</summary>
    private void Move(string eventName, string to, string? detail)
    {
        var at = Context.Current.OccurredAt;
        State = State with
        {
            Status = to,
            Terminal = OrderStatus.IsTerminal(to),
            History = Bounded(State.History, new OrderTransition(eventName, State.Status, to, at, detail)),
            UpdatedAt = at,
        };
        Context.Emit(TopicCatalog.PlayerEvents, State.PlayerId!, new OrderUpdated(State.PlayerId!, Key, State.ItemId!, to, detail));
    }

    /// <summary>Keeps an event that changed nothing.</summary>
    private void Record(string eventName, string? detail) =>
        State = State with
        {
            History = Bounded(State.History, new OrderTransition(eventName, State.Status, State.Status, Context.Current.OccurredAt, detail)),
        };

    private static IReadOnlyList<T> Bounded<T>(IReadOnlyList<T> list, T item) =>
        [.. list.Skip(Math.Max(0, list.Count - OrderState.MaxHistory + 1)), item];
}
