using System.Numerics;
using Commerce.Chain.Crypto;

namespace Commerce.Chain.Contracts;

/// <summary>PlanCompleted: a plan was paid in full and its item released to the buyer.</summary>
public sealed record CheckoutPlanCompleted(byte[] PurchaseId, EthAddress Buyer, EthAddress Collection, BigInteger TokenId) : CheckoutEvent;
