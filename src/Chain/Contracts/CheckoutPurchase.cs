using System.Numerics;
using Commerce.Chain.Contracts.Messages;
using Commerce.Chain.Crypto;

namespace Commerce.Chain.Contracts;

/// <summary>A purchase as the Checkout stores it (getPurchase). <see cref="PaymentsMade"/> counts the down payment.</summary>
public sealed record CheckoutPurchase(
    EthAddress Buyer,
    ulong StartedAt,
    ushort Installments,
    ushort PaymentsMade,
    EthAddress Collection,
    PurchaseStatus Status,
    EthAddress Currency,
    BigInteger TokenId,
    BigInteger Price,
    BigInteger Paid)
{
    internal static CheckoutPurchase From(PurchaseStruct p) => new(
        EthAddress.Parse(p.Buyer, "buyer"),
        p.StartedAt,
        p.Installments,
        p.PaymentsMade,
        EthAddress.Parse(p.Collection, "collection"),
        (PurchaseStatus)p.Status,
        EthAddress.Parse(p.Currency, "currency"),
        p.TokenId,
        p.Price,
        p.Paid);
}
