using System.Numerics;
using Commerce.Chain.Crypto;

namespace Commerce.Chain.Contracts;

/// <summary>RefundCredited: a refund its recipient did not take was credited to it (<c>owed</c>), to be claimed or paid out later.</summary>
public sealed record CheckoutRefundCredited(byte[] PurchaseId, EthAddress Account, EthAddress Currency, BigInteger Amount) : CheckoutEvent;
