using System.Numerics;
using Commerce.Chain.Crypto;

namespace Commerce.Chain.Contracts;

/// <summary>PlanDefaulted: a plan missed a deadline; the item was reclaimed, Refund paid back to the buyer, Penalty kept.</summary>
public sealed record CheckoutPlanDefaulted(byte[] PurchaseId, EthAddress Buyer, EthAddress DeclaredBy, BigInteger Refund, BigInteger Penalty) : CheckoutEvent;
