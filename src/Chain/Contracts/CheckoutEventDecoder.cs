using Commerce.Chain.Abi;
using Commerce.Chain.Crypto;
using Commerce.Chain.JsonRpc;
using static Commerce.Chain.Contracts.Messages.CheckoutEvents;

namespace Commerce.Chain.Contracts;

/// <summary>Turns a Checkout log into its <see cref="CheckoutEvent"/> (Nethereum decodes, after our strict checks); null for other events.</summary>
internal static class CheckoutEventDecoder
{
    public static CheckoutEvent? Decode(RpcLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var t = log.Topics;
        if (TypedEvent<Purchased>.Matches(t))
        {
            var e = TypedEvent<Purchased>.Decode(t, log.Data);
            return new CheckoutPurchased(e.PurchaseId, A(e.Buyer), A(e.Collection), e.TokenId, A(e.Currency), e.Price, e.Installments, e.AmountPaid,
                e.NextDeadline) { Log = log };
        }
        if (TypedEvent<InstallmentPaid>.Matches(t))
        {
            var e = TypedEvent<InstallmentPaid>.Decode(t, log.Data);
            return new CheckoutInstallmentPaid(e.PurchaseId, A(e.Buyer), e.Index, e.Amount, e.TotalPaid, e.NextDeadline) { Log = log };
        }
        if (TypedEvent<PlanCompleted>.Matches(t))
        {
            var e = TypedEvent<PlanCompleted>.Decode(t, log.Data);
            return new CheckoutPlanCompleted(e.PurchaseId, A(e.Buyer), A(e.Collection), e.TokenId) { Log = log };
        }
        if (TypedEvent<PlanDefaulted>.Matches(t))
        {
            var e = TypedEvent<PlanDefaulted>.Decode(t, log.Data);
            return new CheckoutPlanDefaulted(e.PurchaseId, A(e.Buyer), A(e.DeclaredBy), e.Refund, e.Penalty) { Log = log };
        }
        if (TypedEvent<Refunded>.Matches(t))
        {
            var e = TypedEvent<Refunded>.Decode(t, log.Data);
            return new CheckoutRefunded(e.PurchaseId, A(e.Buyer), A(e.Currency), e.Amount) { Log = log };
        }
        if (TypedEvent<RefundCredited>.Matches(t))
        {
            var e = TypedEvent<RefundCredited>.Decode(t, log.Data);
            return new CheckoutRefundCredited(e.PurchaseId, A(e.Account), A(e.Currency), e.Amount) { Log = log };
        }
        if (TypedEvent<OwedPaid>.Matches(t))
        {
            var e = TypedEvent<OwedPaid>.Decode(t, log.Data);
            return new CheckoutOwedPaid(A(e.Account), A(e.Currency), A(e.To), e.Amount) { Log = log };
        }
        if (TypedEvent<Withdrawn>.Matches(t))
        {
            var e = TypedEvent<Withdrawn>.Decode(t, log.Data);
            return new CheckoutWithdrawn(A(e.Currency), A(e.To), e.Amount) { Log = log };
        }
        if (TypedEvent<QuoteSignerChanged>.Matches(t))
        {
            var e = TypedEvent<QuoteSignerChanged>.Decode(t, log.Data);
            return new CheckoutQuoteSignerChanged(A(e.PreviousSigner), A(e.NewSigner)) { Log = log };
        }
        if (TypedEvent<ItemReleased>.Matches(t))
        {
            var e = TypedEvent<ItemReleased>.Decode(t, log.Data);
            return new CheckoutItemReleased(A(e.Collection), e.TokenId, A(e.To)) { Log = log };
        }
        return null;
    }

    private static EthAddress A(string address) => EthAddress.Parse(address);
}
