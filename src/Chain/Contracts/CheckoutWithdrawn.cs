using System.Numerics;
using Commerce.Chain.Crypto;

namespace Commerce.Chain.Contracts;

/// <summary>Withdrawn: the treasury took revenue out.</summary>
public sealed record CheckoutWithdrawn(EthAddress Currency, EthAddress To, BigInteger Amount) : CheckoutEvent;
