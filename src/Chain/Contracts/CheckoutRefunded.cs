using System.Numerics;
using Commerce.Chain.Crypto;

namespace Commerce.Chain.Contracts;

/// <summary>Refunded: an operator paid a completed purchase back to its buyer (compensation for a failed delivery).</summary>
public sealed record CheckoutRefunded(byte[] PurchaseId, EthAddress Buyer, EthAddress Currency, BigInteger Amount) : CheckoutEvent;
