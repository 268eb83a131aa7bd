using System.Numerics;
using Commerce.Chain.Crypto;

namespace Commerce.Chain.Contracts;

/// <summary>OwedPaid: a credited refund was paid out, claimed by its owner to <see cref="To"/> or sent to it by an operator.</summary>
public sealed record CheckoutOwedPaid(EthAddress Account, EthAddress Currency, EthAddress To, BigInteger Amount) : CheckoutEvent;
