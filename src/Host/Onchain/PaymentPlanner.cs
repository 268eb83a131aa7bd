using System.Globalization;
using System.Numerics;
using Commerce.Actors.Orders;
using Commerce.Chain.Contracts;
using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;
using Commerce.Events.Orders;
using Commerce.Host.Api;
using Commerce.Chain.Contracts.Messages;
using Nethereum.Contracts;

namespace Commerce.Host.Onchain;

/// <summary>
/// What a player's own wallet must send next for an order (<c>GET /api/me/orders/{orderId}/payment</c>), as calls of the
/// Checkout and the stablecoin encoded from their Nethereum messages. Steps only while the item is held for the order
/// (reserved) or a plan runs (plan-active); none while placed, for custodial orders, at a terminal state, or when the
/// chain already has the payment (a purchase seen on chain but not yet confirmed is never asked for twice).
/// </summary>
public sealed class PaymentPlanner(ChainSettings chain)
{
    public async Task<PaymentInstructions> PlanAsync(OrderState order, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.Quote is null || order.Signature is null || order.PaymentKind is "custodial" || !chain.IsConfigured)
            return Nothing(order);
        var quote = ToCheckoutQuote(order.Quote);
        var checkout = chain.Node is null ? null : new CheckoutContract(chain.Node, chain.Checkout);
        return order.Status switch
        {
            OrderStatus.Reserved => await PurchaseAsync(order, quote, checkout, ct).ConfigureAwait(false),
            OrderStatus.PlanActive => await InstallmentAsync(order, quote, checkout, ct).ConfigureAwait(false),
            _ => Nothing(order),
        };
    }

    private async Task<PaymentInstructions> PurchaseAsync(OrderState order, CheckoutQuote quote, CheckoutContract? checkout, CancellationToken ct)
    {
        if (checkout is not null && await checkout.IsNonceUsedAsync(quote.Nonce, ct).ConfigureAwait(false))
            return Nothing(order); // paid on chain; the order moves once the watcher confirms it
        var due = quote.AmountDueAtPurchase;
        var steps = new List<PaymentStep>();
        if (!quote.IsEth)
            steps.Add(Approve(quote.Currency, due));
        var what = quote.Installments > 1
            ? $"purchase {order.ItemId}: down payment {chain.Format(due, quote.Currency)} of {chain.Format(quote.Price, quote.Currency)} in {quote.Installments} installments"
            : $"purchase {order.ItemId} for {chain.Format(due, quote.Currency)}";
        steps.Add(new PaymentStep(chain.Checkout.ToString(),
            HexString.Encode(quote.ToPurchase(HexString.Decode(order.Signature, "signature")).GetCallData()),
            Wei(quote.IsEth ? due : BigInteger.Zero), what));
        var deadline = Math.Min((long)quote.Expiry, order.ReservedUntil?.ToUnixTimeSeconds() ?? long.MaxValue);
        return new PaymentInstructions(order.OrderId, order.Status, Wei(due), deadline, steps);
    }

    private async Task<PaymentInstructions> InstallmentAsync(OrderState order, CheckoutQuote quote, CheckoutContract? checkout, CancellationToken ct)
    {
        int paymentsMade;
        long? deadline = null;
        if (checkout is not null)
        {
            var purchase = await checkout.GetPurchaseAsync(quote.Nonce, ct).ConfigureAwait(false);
            if (purchase.Status != PurchaseStatus.Active)
                return Nothing(order); // completed or defaulted on chain; the order follows once confirmed
            paymentsMade = purchase.PaymentsMade;
            deadline = (long)await checkout.NextDeadlineAsync(quote.Nonce, ct).ConfigureAwait(false);
        }
        else
        {
            paymentsMade = 1 + order.Payments.Count(p => p is { Kind: "InstallmentPaid", Confirmed: true, Reorged: false });
        }
        if (paymentsMade >= quote.Installments)
            return Nothing(order);
        var amount = InstallmentSchedule.InstallmentAmount(quote.Price, quote.Installments);
        var steps = new List<PaymentStep>();
        if (!quote.IsEth)
            steps.Add(Approve(quote.Currency, amount));
        steps.Add(new PaymentStep(chain.Checkout.ToString(), HexString.Encode(new CheckoutFunctions.PayInstallment { PurchaseId = quote.Nonce }.GetCallData()),
            Wei(quote.IsEth ? amount : BigInteger.Zero),
            $"pay installment {paymentsMade} of {quote.Installments - 1} for {order.ItemId}: {chain.Format(amount, quote.Currency)}"));
        return new PaymentInstructions(order.OrderId, order.Status, Wei(amount), deadline, steps);
    }

    private PaymentStep Approve(EthAddress token, BigInteger amount) =>
        new(token.ToString(), HexString.Encode(new TestStablecoinFunctions.Approve { Spender = chain.Checkout.ToString(), Value = amount }.GetCallData()), "0",
            $"approve {chain.Format(amount, token)} to the checkout");

    private static PaymentInstructions Nothing(OrderState order) => new(order.OrderId, order.Status, null, null, []);

    private static string Wei(BigInteger value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The quote an order was placed with, as the Checkout takes it.</summary>
    public static CheckoutQuote ToCheckoutQuote(OrderQuote quote)
    {
        ArgumentNullException.ThrowIfNull(quote);
        return new CheckoutQuote
        {
            Collection = EthAddress.Parse(quote.Collection, "quote.collection"),
            TokenId = BigInteger.Parse(quote.TokenId, NumberStyles.None, CultureInfo.InvariantCulture),
            Buyer = EthAddress.Parse(quote.Buyer, "quote.buyer"),
            Currency = EthAddress.Parse(quote.Currency, "quote.currency"),
            Price = BigInteger.Parse(quote.Price, NumberStyles.None, CultureInfo.InvariantCulture),
            Installments = checked((ushort)quote.Installments),
            Expiry = checked((ulong)quote.Expiry),
            Nonce = HexString.DecodeFixed(quote.Nonce, 32, "quote.nonce"),
        };
    }
}
