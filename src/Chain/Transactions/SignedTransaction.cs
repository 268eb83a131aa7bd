using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;
using Commerce.Chain.Rlp;

namespace Commerce.Chain.Transactions;

/// <summary>
/// A transaction with its signature: the raw bytes for eth_sendRawTransaction, the transaction
/// hash (Keccak-256 of the raw bytes) and the sender recovered from the signature.
/// </summary>
public sealed class SignedTransaction
{
    private readonly byte[] _raw;
    private EthAddress? _sender;

    private SignedTransaction(ITransaction transaction, EthSignature signature, byte[] raw, EthAddress? sender)
    {
        Transaction = transaction;
        Signature = signature;
        _raw = raw;
        _sender = sender;
        Hash = HexString.Encode(Keccak256.Hash(raw));
    }

    public ITransaction Transaction { get; }

    public EthSignature Signature { get; }

    /// <summary>0x-prefixed Keccak-256 of the raw bytes: the id nodes and explorers use.</summary>
    public string Hash { get; }

    public byte[] Raw => (byte[])_raw.Clone();

    public string RawHex => HexString.Encode(_raw);

    /// <summary>The address that signed the transaction.</summary>
    public EthAddress Sender => _sender ??= Signature.RecoverAddress(Transaction.SigningHash());

    /// <summary>Signs <paramref name="transaction"/> with <paramref name="key"/>.</summary>
    public static SignedTransaction Sign(ITransaction transaction, EthPrivateKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Sign(transaction, new Secp256k1ExternalSigner(key));
    }

    /// <summary>
    /// Signs through Nethereum's external-signer interface: Nethereum encodes and hashes the transaction,
    /// <paramref name="signer"/> (libsecp256k1) signs the hash, Nethereum encodes the signed form.
    /// </summary>
    public static SignedTransaction Sign(ITransaction transaction, Secp256k1ExternalSigner signer)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(signer);
        var model = transaction.ToNethereum();
        var signature = signer.Sign(model);
        return new SignedTransaction(transaction, signature, model.GetRLPEncoded(), signer.Address);
    }

    public static SignedTransaction Decode(string rawHex) => Decode(HexString.Decode(rawHex, "rawTransaction"));

    /// <summary>
    /// Reads a raw signed transaction (legacy or EIP-1559). The sender is recovered when first
    /// asked for; signatures with a high s are refused (EIP-2).
    /// </summary>
    public static SignedTransaction Decode(ReadOnlySpan<byte> raw)
    {
        if (raw.IsEmpty)
            throw new TransactionFormatException("rawTransaction", "is empty");
        ITransaction transaction;
        EthSignature signature;
        if (raw[0] >= 0xc0)
        {
            (var legacy, signature) = LegacyTransaction.DecodeSigned(DecodeRlp(raw));
            transaction = legacy;
        }
        else if (raw[0] == (byte)TransactionType.Eip1559)
        {
            (var typed, signature) = Eip1559Transaction.DecodeSigned(DecodeRlp(raw[1..]));
            transaction = typed;
        }
        else
        {
            throw new TransactionFormatException("type", $"transaction type 0x{raw[0]:x2} is not supported (legacy and 0x02 are)");
        }
        return new SignedTransaction(transaction, signature, raw.ToArray(), sender: null);
    }

    private static RlpItem DecodeRlp(ReadOnlySpan<byte> payload)
    {
        try
        {
            return RlpDecoder.Decode(payload);
        }
        catch (RlpException e)
        {
            throw new TransactionFormatException("rawTransaction", e.Message);
        }
    }
}
