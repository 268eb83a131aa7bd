using System.Globalization;
using System.Numerics;
using Commerce.Actors.Runtime;
using Commerce.Events.Chain;
using Commerce.Events.Orders;
using Commerce.Events.Player;
using Commerce.Events.Topics;

namespace Commerce.Actors.Orders;

/// <summary>
/// Installment plans and late payments (docs/ORDERS.md, "Installments" and "Late payments"): reminders pushed
/// before each deadline, declareDefault asked of the executor once a deadline passed unpaid, a purchase confirmed
/// after the order was cancelled honoured (the chain sold the item), and no cancellation while a payment is still confirming.
/// </summary>
public sealed partial class OrderGrain
{
    /// <summary>The reminder that tells the player an installment is due; its stage is "installment-reminder:&lt;k&gt;".</summary>
    public const string InstallmentReminder = "installment-reminder";

    /// <summary>The reminder that checks a deadline passed unpaid; its stage is "installment-default:&lt;k&gt;:&lt;attempt&gt;".</summary>
    public const string InstallmentDefault = "installment-default";

    /// <summary>Selector of Checkout.declareDefault(bytes32): the first 4 bytes of keccak256("declareDefault(bytes32)").</summary>
    public const string DeclareDefaultSelector = "0xdaf79598";

    /// <summary>The detail of every installment reminder starts with this.</summary>
    public const string InstallmentDuePrefix = "installment due";

    /// <summary>The executor command id of the first declareDefault of an order; attempt n > 1 adds ":n".</summary>
    public static string DefaultCommandId(string orderId, int attempt = 1) =>
        attempt <= 1 ? $"order:{orderId}:default" : $"order:{orderId}:default:{attempt}";

    /// <summary>Call data of a Checkout function taking the purchase id (the order id, 32 bytes).</summary>
    public static string PurchaseIdCall(string selector, string orderId) =>
        orderId.Length == 66 && orderId.StartsWith("0x", StringComparison.Ordinal)
            ? selector + orderId[2..].ToLowerInvariant()
            : throw new ArgumentException($"an order id is 0x + 64 hex, got '{orderId}'", nameof(orderId));

    // ------------------------------------------------------------ plan steps (called from ObservePaymentAsync)

    /// <summary>The down payment is confirmed: keep the first deadline and set its reminders.</summary>
    private void StartPlan(PaymentObserved payment)
    {
        var startedAt = Current.OccurredAt.ToUnixTimeSeconds(); // the watcher stamps a log with its block's time
        var interval = payment.NextDeadline is { } first ? Math.Max(1, first - startedAt) : 0;
        State = State with { Plan = new InstallmentPlan(State.Quote!.Installments, 1, payment.NextDeadline, interval, 0, null) };
        ScheduleInstallment();
    }

    /// <summary>
    /// An installment is confirmed: move to the next deadline, or stop reminding after the last one. A payoff
    /// (Checkout.payOff: the remainder at once, docs/ORDERS.md "Paying off early") is logged as one InstallmentPaid
    /// that brings the total to the price: every installment counts as made, so no reminder or default check is left.
    /// </summary>
    private void AdvancePlan(PaymentObserved payment)
    {
        var plan = State.Plan ?? new InstallmentPlan(State.Quote!.Installments, 1, null, 0, 0, null);
        if (PaysOff(payment, plan))
        {
            State = State with { Plan = plan with { PaymentsMade = plan.Installments, NextDeadline = null, DefaultAttempts = 0, DefaultCommandId = null } };
            ScheduleInstallment();
            return;
        }
        var interval = payment.NextDeadline is { } next && plan.NextDeadline is { } previous && next > previous ? next - previous : plan.IntervalSeconds;
        State = State with { Plan = plan with { PaymentsMade = plan.PaymentsMade + 1, NextDeadline = payment.NextDeadline, IntervalSeconds = interval, DefaultAttempts = 0, DefaultCommandId = null } };
        ScheduleInstallment();
    }

    /// <summary>The payment brings the total paid to the price while more than one installment was still due: a payoff.</summary>
    private bool PaysOff(PaymentObserved payment, InstallmentPlan plan) =>
        plan.Installments - plan.PaymentsMade > 1
        && payment.NextDeadline is null
        && TryParseAmount(payment.TotalPaid, out var total)
        && total == BigInteger.Parse(State.Quote!.Price, NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>The plan ended (completed or defaulted): no more reminders.</summary>
    private void EndPlan()
    {
        CancelReminder(InstallmentReminder);
        CancelReminder(InstallmentDefault);
        if (State.Plan is { } plan)
            State = State with { Plan = plan with { NextDeadline = null } };
    }

    private void ScheduleInstallment()
    {
        var plan = State.Plan!;
        if (plan.NextDeadline is not { } deadline || plan.PaymentsMade >= plan.Installments)
        {
            CancelReminder(InstallmentReminder);
            CancelReminder(InstallmentDefault);
            return;
        }
        var due = DateTimeOffset.FromUnixTimeSeconds(deadline);
        var lead = _options.InstallmentReminderLead ?? TimeSpan.FromSeconds(Math.Max(1, plan.IntervalSeconds / 4.0));
        var remindAt = due - lead;
        if (remindAt < Current.OccurredAt)
            remindAt = Current.OccurredAt;
        var k = plan.PaymentsMade;
        SetReminder(InstallmentReminder, remindAt, new OrderTimedOut(Key, $"{InstallmentReminder}:{k}"));
        // declareDefault needs block.timestamp > deadline: one second past it, plus the grace.
        SetReminder(InstallmentDefault, due + TimeSpan.FromSeconds(1) + _options.DefaultGrace, new OrderTimedOut(Key, $"{InstallmentDefault}:{k}:1"));
    }

    // ------------------------------------------------------------ timers (called from TimedOutAsync)

    /// <summary>
    /// Handles the installment reminders, and a payment timeout while a purchase is still confirming;
    /// false when <paramref name="timedOut"/> is the ordinary payment timeout to act on.
    /// </summary>
    private bool HandledByInstallments(OrderTimedOut timedOut)
    {
        var parts = timedOut.Stage.Split(':');
        switch (parts[0])
        {
            case InstallmentReminder when parts.Length == 2 && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var k):
                RemindInstallment(k);
                return true;
            case InstallmentDefault when parts.Length == 3 && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var k)
                                          && int.TryParse(parts[2], CultureInfo.InvariantCulture, out var attempt):
                CheckDefault(k, attempt);
                return true;
            case PaymentReminder when State.Status is OrderStatus.Placed or OrderStatus.Reserved && PaymentConfirming("Purchased"):
                SetReminder(PaymentReminder, Current.OccurredAt + _options.PendingPaymentRecheck, new OrderTimedOut(Key, PaymentReminder));
                Record(nameof(OrderTimedOut), "a payment was seen and is not yet confirmed: not cancelled, looked at again later");
                return true;
            default:
                return false;
        }
    }

    /// <summary>The item's hold ran out while a payment is confirming: the chain holds the item for this purchase, so the order waits.</summary>
    private bool KeptWhilePaymentConfirms(string eventName)
    {
        if (!PaymentConfirming("Purchased"))
            return false;
        Record(eventName, "a payment was seen and is not yet confirmed: the order waits for it");
        return true;
    }

    private void RemindInstallment(int k)
    {
        if (State.Status != OrderStatus.PlanActive || State.Plan is not { NextDeadline: { } deadline } plan || plan.PaymentsMade != k)
        {
            Record(nameof(OrderTimedOut), $"{InstallmentReminder}:{k}: installment {k} is no longer due");
            return;
        }
        var amount = InstallmentAmount(State.Quote!.Price, plan.Installments);
        var detail = string.Create(CultureInfo.InvariantCulture,
            $"{InstallmentDuePrefix}: installment {k} of {plan.Installments - 1}, {amount} {CurrencyLabel()}, by {DateTimeOffset.FromUnixTimeSeconds(deadline):O} (unix {deadline})");
        Record(nameof(OrderTimedOut), detail);
        ToPlayer(new OrderUpdated(State.PlayerId!, Key, State.ItemId!, OrderStatus.PlanActive, detail));
    }

    /// <summary>A deadline passed: unless installment <paramref name="k"/> was paid meanwhile (or is confirming), ask the executor for declareDefault.</summary>
    private void CheckDefault(int k, int attempt)
    {
        var stage = $"{InstallmentDefault}:{k}:{attempt}";
        if (State.Status != OrderStatus.PlanActive || State.Plan is not { } plan || plan.PaymentsMade != k)
        {
            Record(nameof(OrderTimedOut), $"{stage}: installment {k} is no longer due");
            return;
        }
        if (PaymentConfirming("InstallmentPaid"))
        {
            SetReminder(InstallmentDefault, Current.OccurredAt + _options.PendingPaymentRecheck, new OrderTimedOut(Key, stage));
            Record(nameof(OrderTimedOut), $"{stage}: an installment was seen and is not yet confirmed: looked at again later");
            return;
        }
        if (string.IsNullOrEmpty(_options.CheckoutAddress))
        {
            Record(nameof(OrderTimedOut), $"{stage}: installment {k} is late, but no Checkout is configured (Orders:CheckoutAddress) to declare the default");
            return;
        }
        if (attempt > _options.MaxDefaultAttempts)
        {
            Record(nameof(OrderTimedOut), $"{stage}: declareDefault was asked {_options.MaxDefaultAttempts} times and the plan did not end; left to an operator");
            return;
        }
        var commandId = DefaultCommandId(Key, attempt);
        Emit(TopicCatalog.ChainCommands, commandId, Marked(new ChainCommandRequested(
            commandId, ChainCommandKinds.DeclareDefault, _options.CheckoutAddress, "0", PurchaseIdCall(DeclareDefaultSelector, Key), 0, null)));
        State = State with { Plan = plan with { DefaultAttempts = attempt, DefaultCommandId = commandId } };
        SetReminder(InstallmentDefault, Current.OccurredAt + _options.DefaultRetry, new OrderTimedOut(Key, $"{InstallmentDefault}:{k}:{attempt + 1}"));
        Record(nameof(OrderTimedOut), $"{stage}: installment {k} was not paid by its deadline: declareDefault asked ({commandId})");
    }

    // ------------------------------------------------------------ late payments (called from ObservePaymentAsync)

    /// <summary>
    /// A purchase the chain confirmed for an order that was already cancelled (its hold ran out, or another order held
    /// the item, while the buyer's transaction was on its way): the Checkout checked the quote and delivered the item
    /// (or put it in escrow for a plan) to this buyer at the quoted price, so the sale stands. A refund would leave the
    /// buyer both the money and the item (the Checkout's refund does not take the item back). The order leaves
    /// cancelled, the one change ever made after a terminal state, and the purchase is then handled as any other:
    /// completed, or plan-active. False when the payment is not such a purchase.
    /// </summary>
    private bool HandledAsLatePayment(PaymentObserved payment, string name)
    {
        if (payment.Kind != "Purchased" || State.Status != OrderStatus.Cancelled || State.Quote is null)
            return false;
        if (!string.Equals(payment.Buyer, State.Wallet, StringComparison.OrdinalIgnoreCase))
        {
            Record(name, $"paid by {payment.Buyer}, not by the order's wallet");
            return true;
        }
        var at = Current.OccurredAt;
        State = State with
        {
            Status = OrderStatus.Placed,
            Terminal = false,
            History = Bounded(State.History, new OrderTransition(name, OrderStatus.Cancelled, OrderStatus.Placed, at,
                $"paid in {payment.TransactionHash} after the order was cancelled: the chain sold the item to this buyer, the sale stands")),
            UpdatedAt = at,
        };
        return false;
    }

    // ------------------------------------------------------------ the executor's word on our commands (called from DeliveryUpdatedAsync)

    /// <summary>
    /// A declareDefault the executor reported on: a failed one (it had no effect on chain) is asked again by the next
    /// default check. False for other commands.
    /// </summary>
    private bool HandledAsOrderCommand(DeliveryUpdated delivery)
    {
        var name = $"{nameof(DeliveryUpdated)}:{delivery.Status}";
        if (delivery.CommandId.StartsWith(DefaultCommandId(Key), StringComparison.Ordinal))
        {
            Record(name, delivery.Status == ChainTransactionUpdated.Failed
                ? $"{delivery.CommandId} failed ({delivery.Detail}); the next default check asks again while the plan is active"
                : $"{delivery.CommandId}: {delivery.Detail}");
            return true;
        }
        return false;
    }

    // ------------------------------------------------------------ helpers

    /// <summary>A log of <paramref name="kind"/> was seen unconfirmed and neither confirmed nor reported reorged since.</summary>
    private bool PaymentConfirming(string kind) =>
        State.Payments.Any(p => p.Kind == kind && !p.Confirmed && !p.Reorged
            && !State.Payments.Any(q => q.Kind == kind && (q.Confirmed || q.Reorged)
                && q.TransactionHash == p.TransactionHash && q.LogIndex == p.LogIndex && q.BlockNumber == p.BlockNumber));

    /// <summary>Each payment after the down payment (the Checkout's rule: price / N, rounded down).</summary>
    public static BigInteger InstallmentAmount(string price, int installments) =>
        BigInteger.Parse(price, NumberStyles.None, CultureInfo.InvariantCulture) / Math.Max(1, installments);

    private string CurrencyLabel() =>
        State.Quote!.Currency.TrimStart('0', 'x').Length == 0 ? "wei (ETH)" : $"base units of {State.Quote.Currency}";
}
