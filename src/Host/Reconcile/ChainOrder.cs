using Commerce.Chain.Contracts;

namespace Commerce.Host.Reconcile;

/// <summary>
/// What the chain says about one order: the Checkout's purchase by id (status None when there is none) and the
/// owner of the quote's item (null when the token does not exist).
/// </summary>
public sealed record ChainOrder(string OrderId, CheckoutPurchase Purchase, string? Owner);
