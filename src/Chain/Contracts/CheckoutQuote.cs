using System.Collections.Concurrent;
using System.Numerics;
using System.Security.Cryptography;
using Commerce.Chain.Contracts.Messages;
using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;
using Nethereum.ABI;
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

    /// <summary>The member descriptions of EIP712Domain and Quote, found by reflection once (each definition gets a copy).</summary>
    private static readonly Dictionary<string, MemberDescription[]> QuoteTypes =
        MemberDescriptionFactory.GetTypesMemberDescription(typeof(Domain), typeof(QuoteStruct));

    /// <summary>Domain separators by chain and Checkout; a process knows a handful of them (its configuration's).</summary>
    private static readonly ConcurrentDictionary<(BigInteger ChainId, EthAddress Checkout), byte[]> DomainSeparators = new();

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
            Types = new Dictionary<string, MemberDescription[]>(QuoteTypes),
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

    /// <summary>
    /// The EIP-712 digest: keccak256(0x1901 || domainSeparator || hashStruct(quote)), what the Checkout's quoteDigest
    /// returns. Nethereum's typed-data encoder hashes the struct and the domain; the domain separator is kept per
    /// (chain, Checkout), since it is the same for every quote and costs a third of the digest.
    /// </summary>
    public byte[] SigningHash(BigInteger chainId, EthAddress checkout)
    {
        Span<byte> digestInput = stackalloc byte[2 + 32 + 32];
        digestInput[0] = 0x19;
        digestInput[1] = 0x01;
        DomainSeparatorOf(chainId, checkout).CopyTo(digestInput[2..]);
        HashStruct(digestInput[34..]);
        return Keccak256.Hash(digestInput);
    }

    /// <summary>
    /// hashStruct(Quote) = keccak256(typeHash ‖ encodeData(quote)). Every member of Quote is a static ABI type, so
    /// encodeData is each value as one ABI word, encoded by Nethereum's ABI types; the type hash is computed once from
    /// Nethereum's encodeType of <see cref="QuoteStruct"/>. Equal to Nethereum's typed-data encoder's
    /// HashStruct (the Chain tests compare the two and the Checkout's quoteDigest), at a fraction of its cost: that
    /// encoder walks the struct by reflection on every hash (docs/BENCHMARKS.md, "Quote signing").
    /// </summary>
    public byte[] HashStruct()
    {
        var hash = new byte[Keccak256.HashLength];
        HashStruct(hash);
        return hash;
    }

    private void HashStruct(Span<byte> output)
    {
        Span<byte> encoded = stackalloc byte[QuoteWords.TypeHash.Length + QuoteWords.Types.Length * QuoteWords.WordLength];
        QuoteWords.TypeHash.CopyTo(encoded);
        // In QuoteWords.Names' order, which the type's initializer checks against the struct's declaration.
        object[] values = [Collection.ToString(), TokenId, Buyer.ToString(), Currency.ToString(), Price, Installments, Expiry, Nonce];
        for (var i = 0; i < values.Length; i++)
            QuoteWords.Types[i].Encode(values[i]).CopyTo(encoded[(QuoteWords.TypeHash.Length + i * QuoteWords.WordLength)..]);
        Keccak256.Hash(encoded, output);
    }

    /// <summary>hashStruct(EIP712Domain) of the Checkout at <paramref name="checkout"/> on chain <paramref name="chainId"/>.</summary>
    public static byte[] DomainSeparator(BigInteger chainId, EthAddress checkout) => (byte[])DomainSeparatorOf(chainId, checkout).Clone();

    private static byte[] DomainSeparatorOf(BigInteger chainId, EthAddress checkout) =>
        DomainSeparators.GetOrAdd((chainId, checkout), key => Eip712TypedDataEncoder.Current.HashDomainSeparator(TypedDataDefinition(key.ChainId, key.Checkout)));

    /// <summary>The Quote type's hash and its members' ABI types, in the order of the type's declaration.</summary>
    private static class QuoteWords
    {
        public const int WordLength = 32;

        private static readonly string[] Names = ["collection", "tokenId", "buyer", "currency", "price", "installments", "expiry", "nonce"];

        private static readonly MemberDescription[] Members = QuoteTypes[TypeName].Select(m => m.Name).SequenceEqual(Names)
            ? QuoteTypes[TypeName]
            : throw new InvalidOperationException($"QuoteStruct's members are not {string.Join(", ", Names)} in that order");

        /// <summary>keccak256 of encodeType(Quote), "Quote(address collection,uint256 tokenId,...)", as Nethereum encodes the type.</summary>
        public static readonly byte[] TypeHash = Keccak256.HashUtf8(Eip712TypedDataEncoder.Current.GetEncodedType(TypeName, typeof(QuoteStruct)));

        public static readonly ABIType[] Types = Members.Select(m => ABIType.CreateABIType(m.Type) is var type && !type.IsDynamic()
            ? type
            : throw new InvalidOperationException($"Quote.{m.Name} ({m.Type}) is dynamic: hashStruct would need its own hash")).ToArray();
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
