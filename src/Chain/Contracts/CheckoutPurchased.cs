using System.Numerics;
using Commerce.Chain.Crypto;

namespace Commerce.Chain.Contracts;

/// <summary>Purchased: a quote was paid, in full (item delivered) or as a plan's down payment (item in escrow; NextDeadline set).</summary>
public sealed record CheckoutPurchased(
    byte[] PurchaseId, EthAddress Buyer, EthAddress Collection, BigInteger TokenId, EthAddress Currency,
    BigInteger Price, ushort Installments, BigInteger AmountPaid, ulong NextDeadline) : CheckoutEvent;
