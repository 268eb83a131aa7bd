using System.Numerics;
using System.Security.Cryptography;
using Commerce.Chain.Crypto;
using Commerce.Chain.Signing;

namespace Commerce.Chain.Contracts;

/// <summary>
/// The EIP-712 price quote the Checkout accepts (docs/QUOTE.md): type
/// <c>Quote(address collection,uint256 tokenId,address buyer,address currency,uint256 price,uint16 installments,uint64 expiry,bytes32 nonce)</c>
/// under the domain {name "CommerceCheckout", version "1", chainId, verifyingContract = the Checkout}.
/// The nonce is the purchase id.
/// </summary>
public sealed record CheckoutQuote
{
    public const string DomainName = "CommerceCheckout";
    public const string DomainVersion = "1";
    public const string TypeName = "Quote";

    public required EthAddress Collection { get; init; }

    public required BigInteger TokenId { get; init; }

    public required EthAddress Buyer { get; init; }

    /// <summary><see cref="EthAddress.Zero"/> for ETH, else the ERC-20 token.</summary>
    public required EthAddress Currency { get; init; }

    /// <summary>The total price in the currency's base units.</summary>
    public required BigInteger Price { get; init; }

    /// <summary>1 to pay in full, N &gt; 1 for N payments.</summary>
    public ushort Installments { get; init; } = 1;

    /// <summary>Unix seconds; refused after it.</summary>
    public required ulong Expiry { get; init; }

    /// <summary>32 bytes, used once.</summary>
    public required byte[] Nonce
    {
        get => _nonce;
        init => _nonce = value is { Length: 32 } ? value : throw new ArgumentException("nonce: must be 32 bytes", nameof(Nonce));
    }

    private readonly byte[] _nonce = new byte[32];

    public bool IsEth => Currency == EthAddress.Zero;

    /// <summary>A fresh random nonce.</summary>
    public static byte[] NewNonce() => RandomNumberGenerator.GetBytes(32);

    public static Eip712Domain Domain(BigInteger chainId, EthAddress checkout) =>
        new() { Name = DomainName, Version = DomainVersion, ChainId = chainId, VerifyingContract = checkout };

    public TypedData ToTypedData(BigInteger chainId, EthAddress checkout) =>
        new TypedStructBuilder(TypeName)
            .Field("collection", "address", Collection)
            .Field("tokenId", "uint256", TokenId)
            .Field("buyer", "address", Buyer)
            .Field("currency", "address", Currency)
            .Field("price", "uint256", Price)
            .Field("installments", "uint16", Installments)
            .Field("expiry", "uint64", Expiry)
            .Field("nonce", "bytes32", Nonce)
            .ToTypedData(Domain(chainId, checkout));

    /// <summary>The quote signer's signature (65 bytes r || s || v, what eth_signTypedData_v4 returns).</summary>
    public EthSignature Sign(EthPrivateKey signer, BigInteger chainId, EthAddress checkout)
    {
        ArgumentNullException.ThrowIfNull(signer);
        return ToTypedData(chainId, checkout).Sign(signer);
    }

    /// <summary>The quote as the ABI tuple of Checkout.Quote.</summary>
    public object?[] ToAbiTuple() => [Collection, TokenId, Buyer, Currency, Price, Installments, Expiry, Nonce];

    /// <summary>What the buyer pays with the purchase: the price, or the plan's down payment.</summary>
    public BigInteger AmountDueAtPurchase => InstallmentSchedule.AmountDueAtPurchase(Price, Installments);
}
