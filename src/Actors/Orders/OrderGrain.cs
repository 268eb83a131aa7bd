using System.Globalization;
using System.Numerics;
using Commerce.Actors.Custody;
using Commerce.Actors.Ingress;
using Commerce.Actors.Ledger;
using Commerce.Actors.NftItem;
using Commerce.Actors.PlayerSession;
using Commerce.Actors.Runtime;
using Commerce.Events;
using Commerce.Events.Custody;
using Commerce.Events.Envelope;
using Commerce.Events.Items;
using Commerce.Events.Orders;
using Commerce.Events.Player;
using Commerce.Events.Topics;
using Microsoft.Extensions.Options;

namespace Commerce.Actors.Orders;

/// <summary>
/// The order saga (docs/ORDERS.md): placed -> reserved -> completed, or plan-active -> completed | defaulted for
/// installments, or cancelled on refusal, expiry or timeout. Each change of state is told to the player
/// (OrderUpdated); every event is kept in the history, and after the one terminal state nothing changes.
/// </summary>
[GrainType(TypeName)]
public sealed partial class OrderGrain(
    [PersistentState("state", CommerceGrainStorage.Name)] IPersistentState<GrainDocument<OrderState>> document,
    IOptions<OrderOptions> options,
    TimeProvider clock)
    : CommerceGrain<OrderState>(document, clock), IOrderGrain
{
    public const string TypeName = "order";

    /// <summary>The reminder that cancels an order whose payment was not seen in time.</summary>
    public const string PaymentReminder = "payment";

    private readonly OrderOptions _options = options.Value;

    /// <summary>The order grains' command key, which also checks the executor's mark on its word; null: no word of it counts.</summary>
    private readonly byte[]? _commandKey = Events.Marks.FieldMac.DecodeKey(options.Value.CommandKey);

    /// <summary>
    /// What the ingress hands this grain type from commerce.order-events: orders placed through the API, the Checkout
    /// watcher's payments and the executor's delivery updates.
    /// </summary>
    public static IngressRoute Ingress { get; } = new(TypeName, TopicCatalog.OrderEvents,
        new HashSet<Type> { typeof(OrderPlaced), typeof(PaymentObserved), typeof(DeliveryUpdated) },
        (grains, key) => grains.GetGrain<IOrderGrain>(key));

    /// <summary>How long an order holds its item while the payment is awaited.</summary>
    private TimeSpan Reservation => TimeSpan.FromMinutes(_options.ReservationMinutes);

    protected override OrderState CreateState(string key) => OrderState.New(key);

    /// <summary>
    /// The dedupe key of a confirmed Checkout log: its transaction and log index (and its kind, which one log has only
    /// one of). The money it moved is applied once ever
    /// (docs/SECURITY.md, "Dedupe keys"), however late the confirmation comes again: <see cref="OrderState.Payments"/>
    /// keeps only the newest logs.
    /// </summary>
    public static string DedupeKey(string kind, string transactionHash, int logIndex) =>
        $"payment:{kind}:{transactionHash.ToLowerInvariant()}:{logIndex.ToString(CultureInfo.InvariantCulture)}";

    protected override IEnumerable<string> DedupeKeysOf(EventEnvelope envelope) =>
        envelope.Payload is PaymentObserved { Confirmed: true, Reorged: false } p ? [DedupeKey(p.Kind, p.TransactionHash, p.LogIndex)] : [];

    protected override Task HandleAsync(EventEnvelope envelope)
    {
        switch (envelope.Payload)
        {
            case OrderPlaced e: Place(e); break;
            case ItemReserved e: Reserved(e); break;
            case ReservationRefused e: Refused(e); break;
            case PaymentObserved e: ObservePayment(e); break;
            case OrderTimedOut e: TimedOut(e); break;
            case OrderCancellationRequested e: CancelByBuyer(e); break;
            case OrderRefundRequested e: RequestRefund(e); break;
            case DeliveryUpdated e: DeliveryUpdated(e); break;
            case FundsHeld e: FundsHeld(e); break;
            case HoldRefused e: HoldRefused(e); break;
            default: throw new UnhandledEventException(TypeName, envelope.Type);
        }
        return Task.CompletedTask;
    }

    public Task<Replies> TellRefusedAsync(ReservationRefused refused) => ReceiveCallAsync(refused);

    public Task<OrderState?> GetStateAsync() => Task.FromResult(State.Status == OrderStatus.None ? null : State);

    /// <summary>An item answered this order's caller about another order (this one was overtaken): passed on to it.</summary>
    protected override async Task ForwardAsync(EventEnvelope reply)
    {
        if (reply.Payload is not ReservationRefused refused)
            throw new InvalidOperationException($"order {Key} got {reply.Type} for {reply.Key}, which it does not pass on");
        await GrainFactory.GetGrain<IOrderGrain>(reply.Key).TellRefusedAsync(refused);
    }

    private void Place(OrderPlaced placed)
    {
        if (State.Status != OrderStatus.None)
        {
            Record(nameof(OrderPlaced), placed.IdempotencyKey == State.IdempotencyKey ? "a repeat of the placed order" : "the order was already placed with another idempotency key");
            return;
        }
        var at = Current.OccurredAt;
        var until = at + Reservation;
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
        ToItem(new ReservationRequested(placed.ItemId, Key, placed.PlayerId, until));
        SetReminder(PaymentReminder, until, new OrderTimedOut(Key, PaymentReminder));
        Move(nameof(OrderPlaced), OrderStatus.Placed, null);
    }

    private void Reserved(ItemReserved reserved)
    {
        if (State.Status == OrderStatus.Placed)
        {
            State = State with { ReservedUntil = reserved.ReservedUntil };
            Move(nameof(ItemReserved), OrderStatus.Reserved, $"held until {reserved.ReservedUntil:O}");
            RequestHoldIfCustodial();
            return;
        }
        if (State.Status is OrderStatus.Cancelled)
        {
            // The hold arrived after the order gave up (a timeout raced the answer): give it back.
            ToItem(new ReservationReleased(reserved.ItemId, Key, "the order was already cancelled"));
            Record(nameof(ItemReserved), "the order was already cancelled: the hold is released");
            return;
        }
        Record(nameof(ItemReserved), null);
    }

    /// <summary>
    /// No hold, or the hold was lost: the item is another order's (reserved, or bought on chain after this order's own
    /// hold ran out). Cancelled unless this order's own purchase is confirming, which the chain then decides.
    /// </summary>
    private void Refused(ReservationRefused refused)
    {
        if (State.Status is OrderStatus.Placed or OrderStatus.Reserved && !KeptWhilePaymentConfirms(nameof(ReservationRefused)))
            Cancel(nameof(ReservationRefused), refused.Reason);
        else
            Record(nameof(ReservationRefused), refused.Reason);
    }

    private void ObservePayment(PaymentObserved payment)
    {
        var name = $"{nameof(PaymentObserved)}:{payment.Kind}";
        var log = new OrderPayment(payment.Kind, payment.Amount, payment.TotalPaid, payment.TransactionHash, payment.LogIndex,
            payment.BlockNumber, payment.Confirmed, payment.Reorged, Current.OccurredAt);
        if (State.Payments.Any(p => p with { At = log.At } == log))
            return; // the same log at the same stage published again (the watcher delivers at least once): applied already
        if (payment is { Confirmed: true, Reorged: false } && WasApplied(DedupeKey(payment.Kind, payment.TransactionHash, payment.LogIndex)))
            return; // confirmed and applied long ago, past what Payments still lists: the money moved once
        State = State with { Payments = Bounded(State.Payments, log) };
        if (payment.Reorged)
        {
            Record(name, $"the log's block {payment.BlockNumber} left the chain");
            return;
        }
        if (!payment.Confirmed)
        {
            Record(name, "not yet confirmed");
            return;
        }
        MarkApplied(DedupeKey(payment.Kind, payment.TransactionHash, payment.LogIndex));
        RecordMoneyMoved(payment);
        if (payment.Kind == "RefundCredited")
        {
            CreditRefund(payment, name);
            return;
        }
        if (HandledAsLatePayment(payment, name) || HandledAsRefund(payment, name))
            return;
        if (State.Terminal || State.Quote is null)
        {
            Record(name, State.Terminal ? $"the order is already {State.Status}" : "no such order was placed");
            return;
        }
        if (!string.Equals(payment.Buyer, State.Wallet, StringComparison.OrdinalIgnoreCase))
        {
            Record(name, $"paid by {payment.Buyer}, not by the order's wallet");
            return;
        }

        var installments = State.Quote.Installments;
        switch (payment.Kind)
        {
            case "Purchased" when State.Status is OrderStatus.Placed or OrderStatus.Reserved:
                var due = AmountDueAtPurchase(State.Quote.Price, installments);
                if (!TryParseAmount(payment.Amount, out var amount) || amount != due)
                {
                    Record(name, $"paid {payment.Amount}, the quote asks {due} at purchase");
                    return;
                }
                State = State with { TotalPaid = payment.TotalPaid };
                CancelReminder(PaymentReminder);
                if (installments > 1)
                {
                    Move(name, OrderStatus.PlanActive, $"down payment {payment.Amount} in {payment.TransactionHash}");
                    StartPlan(payment);
                    ToItem(new ItemPaidFor(State.ItemId!, Key, State.PlayerId!, State.Wallet!));
                }
                else
                {
                    Sell();
                    Move(name, OrderStatus.Completed, $"paid {payment.Amount} in {payment.TransactionHash}");
                }
                break;
            case "InstallmentPaid" when State.Status == OrderStatus.PlanActive:
                var paidOff = State.Plan is { } running && PaysOff(payment, running);
                State = State with { TotalPaid = payment.TotalPaid };
                AdvancePlan(payment);
                Record(name, paidOff ? $"paid off early: {payment.Amount} at once, total paid {payment.TotalPaid}" : $"total paid {payment.TotalPaid}");
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
                ToItem(new ReservationReleased(State.ItemId!, Key, "the plan defaulted: the Checkout reclaimed the item"));
                Move(name, OrderStatus.Defaulted, "a deadline was missed: the contract reclaimed the item");
                break;
            default:
                Record(name, $"not expected while {State.Status}");
                break;
        }
    }

    public Task<Replies> CancelByBuyerAsync(OrderCancellationRequested request) => ReceiveCallAsync(request);

    /// <summary>
    /// The buyer's cancel before payment: only its own order, only while placed or reserved with no payment seen. A
    /// payment confirmed later is handled as one after a timeout (docs/ORDERS.md).
    /// </summary>
    private void CancelByBuyer(OrderCancellationRequested request)
    {
        var refusal = State switch
        {
            { Status: OrderStatus.None } => "no such order",
            _ when State.PlayerId != request.PlayerId => "no such order",
            { Status: OrderStatus.Cancelled } => null,
            { Status: not (OrderStatus.Placed or OrderStatus.Reserved) } => $"the order is {State.Status}: only an order not yet paid for can be cancelled",
            _ when State.Payments.Count > 0 => "a payment for the order was seen: it can no longer be cancelled",
            _ => null,
        };
        if (refusal is not null)
        {
            ChangedNothing();
            Reply(Key, new OrderCancellationRefused(Key, refusal));
            return;
        }
        if (State.Status != OrderStatus.Cancelled)
        {
            ToItem(new ReservationReleased(State.ItemId!, Key, "cancelled by the buyer"));
            Cancel(nameof(OrderCancellationRequested), "cancelled by the buyer");
        }
        Reply(Key, new OrderUpdated(State.PlayerId!, Key, State.ItemId!, State.Status, "cancelled by the buyer"));
    }

    private void TimedOut(OrderTimedOut timedOut)
    {
        if (HandledByInstallments(timedOut) || HandledAsMintCheck(timedOut))
            return;
        if (timedOut.Stage == PaymentReminder && State.Status is OrderStatus.Placed or OrderStatus.Reserved)
        {
            ToItem(new ReservationReleased(State.ItemId!, Key, "the payment was not seen in time"));
            Cancel(nameof(OrderTimedOut), "the payment was not seen in time");
        }
        else
        {
            Record(nameof(OrderTimedOut), timedOut.Stage);
        }
    }

    private void DeliveryUpdated(DeliveryUpdated delivery)
    {
        // The executor's mark before anything else: a forged "failed" of a mint that happened would pay the buyer back
        // for an NFT it holds, a forged "confirmed" would capture for one never delivered. Kept in the history, nothing moves.
        if (_commandKey is null || !DeliveryUpdateMac.Verify(delivery, _commandKey))
        {
            Record(nameof(DeliveryUpdated), $"{delivery.CommandId}: {delivery.Status} ignored, it does not carry the executor's mark");
            return;
        }
        if (HandledAsDelivery(delivery) || HandledAsOrderCommand(delivery) || HandledAsRefundCommand(delivery))
            return;
        Record(nameof(DeliveryUpdated), $"{delivery.CommandId}: {delivery.Status}");
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
    /// <summary>
    /// The refund of a default or a compensation (recorded already) was refused by its recipient and credited to it in the
    /// Checkout: the order's state stays, the buyer is told where its money is and how to take it (claim).
    /// </summary>
    private void CreditRefund(PaymentObserved payment, string name)
    {
        if (State.PlayerId is null || !string.Equals(payment.Buyer, State.Wallet, StringComparison.OrdinalIgnoreCase))
        {
            Record(name, $"credited to {payment.Buyer}, not to the order's wallet");
            return;
        }
        var detail = $"the refund of {payment.Amount} was refused by the wallet and credited to it in the Checkout (currency {payment.Currency}): "
            + $"claim it with claim(currency, to) in {payment.TransactionHash}";
        Record(name, detail);
        ToPlayer(new OrderUpdated(State.PlayerId, Key, State.ItemId!, State.Status, detail));
    }

    private void RecordMoneyMoved(PaymentObserved payment)
    {
        if (payment.Kind == "PlanCompleted")
            return; // moves no money (the last InstallmentPaid did); the item's release is the item grain's entry
        if (payment.Kind == "RefundCredited")
        {
            // The refund recorded as paid to the buyer went to the Checkout's credit for it instead, until it claims it.
            AppendToLedger(new LedgerEntry($"payment.{payment.Kind}", Key, payment.Currency ?? State.Quote?.Currency, payment.Amount,
                payment.Buyer, $"checkout-owed:{payment.Buyer}", $"{payment.TransactionHash}:{payment.LogIndex}"));
            return;
        }
        var toBuyer = payment.Kind is "PlanDefaulted" or "Refunded";
        AppendToLedger(new LedgerEntry($"payment.{payment.Kind}", Key, State.Quote?.Currency, payment.Amount,
            toBuyer ? "checkout" : payment.Buyer, toBuyer ? payment.Buyer : "checkout", $"{payment.TransactionHash}:{payment.LogIndex}"));
    }

    private static bool TryParseAmount(string text, out BigInteger amount) =>
        BigInteger.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out amount);

    /// <summary>Tells the item it now belongs to the order's wallet; <paramref name="minted"/>: the token was minted for the sale.</summary>
    private void Sell(bool minted = true) =>
        ToItem(new ItemSold(State.ItemId!, Key, State.Wallet!, minted));

    private void Cancel(string eventName, string reason)
    {
        CancelReminder(PaymentReminder);
        Move(eventName, OrderStatus.Cancelled, reason);
    }

    /// <summary>Moves to <paramref name="to"/>, keeps the step and tells the player.</summary>
    private void Move(string eventName, string to, string? detail)
    {
        var at = Current.OccurredAt;
        State = State with
        {
            Status = to,
            Terminal = OrderStatus.IsTerminal(to),
            History = Bounded(State.History, new OrderTransition(eventName, State.Status, to, at, detail)),
            UpdatedAt = at,
        };
        ToPlayer(new OrderUpdated(State.PlayerId!, Key, State.ItemId!, to, detail));
    }

    /// <summary>Keeps an event that changed nothing.</summary>
    private void Record(string eventName, string? detail) =>
        State = State with
        {
            History = Bounded(State.History, new OrderTransition(eventName, State.Status, State.Status, Current.OccurredAt, detail)),
        };

    private static IReadOnlyList<T> Bounded<T>(IReadOnlyList<T> list, T item) =>
        [.. list.Skip(Math.Max(0, list.Count - OrderState.MaxHistory + 1)), item];

    /// <summary>Calls the order's item with <paramref name="message"/>; its answers come back to this order.</summary>
    private void ToItem(IEvent message)
    {
        var item = GrainFactory.GetGrain<INftItemGrain>(State.ItemId!);
        Call(message switch
        {
            ReservationRequested m => () => item.ReserveAsync(m),
            ReservationReleased m => () => item.ReleaseAsync(m),
            ItemPaidFor m => () => item.HoldPaidForAsync(m),
            ItemSold m => () => item.SellAsync(m),
            _ => throw new ArgumentException($"an item takes no {message.GetType().Name} from an order", nameof(message)),
        });
    }

    /// <summary>Calls the custody account of <paramref name="wallet"/>.</summary>
    private void ToCustody(string wallet, IEvent message)
    {
        var account = GrainFactory.GetGrain<ICustodyAccountGrain>(wallet);
        Call(message switch
        {
            HoldRequested m => () => account.HoldAsync(m),
            HoldCaptureRequested m => () => account.CaptureAsync(m),
            HoldReleaseRequested m => () => account.ReleaseAsync(m),
            _ => throw new ArgumentException($"a custody account takes no {message.GetType().Name} from an order", nameof(message)),
        });
    }

    /// <summary>Tells the player of the order's change (a push).</summary>
    private void ToPlayer(OrderUpdated update) =>
        Call(() => GrainFactory.GetGrain<IPlayerSessionGrain>(update.PlayerId).UpdateOrderAsync(update));
}
