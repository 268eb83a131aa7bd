using System.Numerics;
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
    internal static CheckoutPurchase FromTuple(object?[] t) => new(
        (EthAddress)t[0]!,
        (ulong)(BigInteger)t[1]!,
        (ushort)(BigInteger)t[2]!,
        (ushort)(BigInteger)t[3]!,
        (EthAddress)t[4]!,
        (PurchaseStatus)(int)(BigInteger)t[5]!,
        (EthAddress)t[6]!,
        (BigInteger)t[7]!,
        (BigInteger)t[8]!,
        (BigInteger)t[9]!);
}
