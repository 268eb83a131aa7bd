using System.Numerics;
using System.Security.Cryptography;
using Commerce.Chain.Contracts.Messages;
using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;
using Nethereum.ABI.EIP712;

namespace Commerce.Chain.Contracts;

/// <summary>
/// The EIP-712 price quote the Checkout accepts (docs/QUOTE.md): type
/// <c>Quote(address collection,uint256 tokenId,address buyer,address currency,uint256 price,uint16 installments,uint64 expiry,bytes32 nonce)</c>
/// under the domain {name "CommerceCheckout", version "1", chainId, verifyingContract = the Checkout}.
/// The nonce is the purchase id. Nethereum's typed-data encoder hashes it (<see cref="QuoteStruct"/>);
/// our libsecp256k1 signer signs the digest.
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

    /// <summary>The typed-data definition (domain and types) a quote is signed under.</summary>
    public static TypedData<Domain> TypedDataDefinition(BigInteger chainId, EthAddress checkout)
    {
        ArgumentNullException.ThrowIfNull(checkout);
        return new TypedData<Domain>
        {
            Domain = new Domain { Name = DomainName, Version = DomainVersion, ChainId = chainId, VerifyingContract = checkout.ToString() },
            Types = MemberDescriptionFactory.GetTypesMemberDescription(typeof(Domain), typeof(QuoteStruct)),
            PrimaryType = TypeName,
        };
    }

    /// <summary>The quote as Checkout's Quote struct (the purchase tuple and the EIP-712 message).</summary>
    public QuoteStruct ToStruct() => new()
    {
        Collection = Collection.ToString(),
        TokenId = TokenId,
        Buyer = Buyer.ToString(),
        Currency = Currency.ToString(),
        Price = Price,
        Installments = Installments,
        Expiry = Expiry,
        Nonce = Nonce,
    };

    /// <summary>The purchase call that pays this quote with its signer's <paramref name="signature"/>.</summary>
    public CheckoutFunctions.Purchase ToPurchase(byte[] signature) => new() { Quote = ToStruct(), Signature = signature };

    /// <summary>The EIP-712 digest: keccak256(0x1901 || domainSeparator || hashStruct(quote)), what the Checkout's quoteDigest returns.</summary>
    public byte[] SigningHash(BigInteger chainId, EthAddress checkout) =>
        Eip712TypedDataEncoder.Current.EncodeAndHashTypedData(ToStruct(), TypedDataDefinition(chainId, checkout));

    /// <summary>The eth_signTypedData_v4 JSON of this quote, for a wallet to show and sign.</summary>
    public string ToJson(BigInteger chainId, EthAddress checkout)
    {
        var typedData = TypedDataDefinition(chainId, checkout);
        typedData.SetMessage(ToStruct());
        return typedData.ToJson();
    }

    /// <summary>The quote signer's signature (65 bytes r || s || v, what eth_signTypedData_v4 returns).</summary>
    public EthSignature Sign(EthPrivateKey signer, BigInteger chainId, EthAddress checkout)
    {
        ArgumentNullException.ThrowIfNull(signer);
        return signer.Sign(SigningHash(chainId, checkout));
    }

    /// <summary>Who signed this quote. The signature is read strictly: 65 bytes and low s, as the Checkout's ECDSA check wants.</summary>
    public EthAddress RecoverSigner(string signatureHex, BigInteger chainId, EthAddress checkout)
    {
        var signature = EthSignature.Parse(signatureHex);
        if (!signature.IsLowS)
            throw new HexFormatException("signature", "s is in the upper half of the curve order (EIP-2: only low s is valid)");
        return signature.RecoverAddress(SigningHash(chainId, checkout));
    }

    /// <summary>What the buyer pays with the purchase: the price, or the plan's down payment.</summary>
    public BigInteger AmountDueAtPurchase => InstallmentSchedule.AmountDueAtPurchase(Price, Installments);
}
