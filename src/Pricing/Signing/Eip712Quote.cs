using System.Numerics;
using Commerce.Chain.Crypto;

namespace Commerce.Pricing.Signing;

/// <summary>The members of the EIP-712 <c>Quote</c> struct of docs/QUOTE.md, as the checkout contract reads them.</summary>
public sealed record Eip712Quote(
    EthAddress Collection,
    BigInteger TokenId,
    EthAddress Buyer,
    EthAddress Currency,
    BigInteger Price,
    ushort Installments,
    ulong Expiry,
    byte[] Nonce);
