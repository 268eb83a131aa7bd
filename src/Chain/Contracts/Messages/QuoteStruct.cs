using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Commerce.Chain.Contracts.Messages;

/// <summary>
/// Checkout's <c>Quote</c> struct as Nethereum encodes it: the tuple argument of purchase and quoteDigest, and
/// the EIP-712 struct the quote signer signs (docs/QUOTE.md; same field order). Addresses are 0x strings,
/// as Nethereum wants them; build it with <see cref="CheckoutQuote.ToStruct"/>.
/// </summary>
[Struct("Quote")]
public sealed class QuoteStruct
{
    [Parameter("address", "collection", 1)]
    public string Collection { get; set; } = "";

    [Parameter("uint256", "tokenId", 2)]
    public BigInteger TokenId { get; set; }

    [Parameter("address", "buyer", 3)]
    public string Buyer { get; set; } = "";

    [Parameter("address", "currency", 4)]
    public string Currency { get; set; } = "";

    [Parameter("uint256", "price", 5)]
    public BigInteger Price { get; set; }

    [Parameter("uint16", "installments", 6)]
    public ushort Installments { get; set; }

    [Parameter("uint64", "expiry", 7)]
    public ulong Expiry { get; set; }

    [Parameter("bytes32", "nonce", 8)]
    public byte[] Nonce { get; set; } = [];
}
