using System.Globalization;
using System.Numerics;
using Commerce.Actors.Orders;
using Commerce.Chain.Contracts;
using Commerce.Chain.Contracts.Messages;
using Commerce.Chain.Hex;
using Commerce.Host.Api;
using Nethereum.Contracts;

namespace Commerce.Host.Onchain;

/// <summary>
/// What a player's wallet sends to pay an installment plan off early (<c>GET /api/me/orders/{orderId}/payoff</c>,
/// docs/ORDERS.md "Paying off early"): Checkout.payOff with everything not yet paid, in the plan's currency (an approve
/// first for a stablecoin). The remainder and the deadline are the chain's (getPurchase, nextDeadline) when a node is
/// configured, else the order's confirmed payments. A plan already completed answers no steps; the Checkout refuses a
/// second payOff (PlanNotActive), so nothing can be paid twice.
/// </summary>
public sealed class PayoffPlanner(ChainSettings chain, TimeProvider clock)
{
    public async Task<PayoffPlan> PlanAsync(OrderState order, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.Status == OrderStatus.Completed && order.Quote is { Installments: > 1 })
            return new PayoffPlan.Done(new PaymentInstructions(order.OrderId, order.Status, null, null, []));
        if (order.Status != OrderStatus.PlanActive || order.Quote is null)
            return new PayoffPlan.Refused($"the order is {order.Status}: only an active installment plan can be paid off");
        if (order.PaymentKind is OrderGrain.CustodialKind || !chain.IsConfigured)
            return new PayoffPlan.Refused("this instance has no Checkout configured to pay the plan off through");

        var quote = PaymentPlanner.ToCheckoutQuote(order.Quote);
        BigInteger paid;
        long? deadline;
        if (chain.Node is { } node)
        {
            var checkout = new CheckoutContract(node, chain.Checkout);
            var purchase = await checkout.GetPurchaseAsync(quote.Nonce, ct).ConfigureAwait(false);
            if (purchase.Status != PurchaseStatus.Active)
                return new PayoffPlan.Done(new PaymentInstructions(order.OrderId, order.Status, null, null, [])); // the order follows once confirmed
            paid = purchase.Paid;
            deadline = (long)await checkout.NextDeadlineAsync(quote.Nonce, ct).ConfigureAwait(false);
        }
        else
        {
            paid = BigInteger.TryParse(order.TotalPaid, NumberStyles.None, CultureInfo.InvariantCulture, out var total) ? total : BigInteger.Zero;
            deadline = order.Plan?.NextDeadline;
        }
        if (deadline is { } due && due < clock.GetUtcNow().ToUnixTimeSeconds())
            return new PayoffPlan.Refused($"the installment due by unix {due} is late: the plan can no longer be paid off (it defaults)");
        var remainder = quote.Price - paid;
        if (remainder <= BigInteger.Zero)
            return new PayoffPlan.Done(new PaymentInstructions(order.OrderId, order.Status, null, null, []));

        var steps = new List<PaymentStep>();
        if (!quote.IsEth)
            steps.Add(new PaymentStep(quote.Currency.ToString(),
                HexString.Encode(new TestStablecoinFunctions.Approve { Spender = chain.Checkout.ToString(), Value = remainder }.GetCallData()), "0",
                $"approve {chain.Format(remainder, quote.Currency)} to the checkout"));
        steps.Add(new PaymentStep(chain.Checkout.ToString(), HexString.Encode(new CheckoutFunctions.PayOff { PurchaseId = quote.Nonce }.GetCallData()),
            (quote.IsEth ? remainder : BigInteger.Zero).ToString(CultureInfo.InvariantCulture),
            $"pay off {order.ItemId}: {chain.Format(remainder, quote.Currency)} at once, the rest of {chain.Format(quote.Price, quote.Currency)}"));
        return new PayoffPlan.Due(new PaymentInstructions(order.OrderId, order.Status, remainder.ToString(CultureInfo.InvariantCulture), deadline, steps));
    }
}
