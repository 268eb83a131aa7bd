using System.Numerics;
using Commerce.Chain.Crypto;

namespace Commerce.Chain.Contracts;

/// <summary>ItemReleased: an operator sent out an item the Checkout held (e.g. one reclaimed on default).</summary>
public sealed record CheckoutItemReleased(EthAddress Collection, BigInteger TokenId, EthAddress To) : CheckoutEvent;
