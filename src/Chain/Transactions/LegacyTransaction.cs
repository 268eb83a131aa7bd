using System.Numerics;
using Commerce.Chain.Crypto;
using Commerce.Chain.Rlp;
using Model = Nethereum.Model;

namespace Commerce.Chain.Transactions;

/// <summary>
/// A legacy (type 0) transaction. With a <see cref="ChainId"/> it is signed as EIP-155 asks:
/// the hash covers [nonce, gasPrice, gas, to, value, data, chainId, 0, 0] and v = chainId * 2 + 35 + yParity.
/// Without one it is signed the pre-EIP-155 way (six fields, v = 27 + yParity). Nethereum's
/// LegacyTransactionChainId / LegacyTransaction encode it; we check the fields first and decode signed ones strictly.
/// </summary>
public sealed record LegacyTransaction : ITransaction
{
    public TransactionType Type => TransactionType.Legacy;

    public ulong? ChainId { get; init; }

    public ulong Nonce { get; init; }

    public BigInteger GasPrice { get; init; }

    public ulong GasLimit { get; init; }

    public EthAddress? To { get; init; }

    public BigInteger Value { get; init; }

    public byte[] Data { get; init; } = [];

    public byte[] EncodeForSigning() => ToNethereum().GetRLPEncodedRaw();

    public byte[] SigningHash() => ToNethereum().RawHash;

    public byte[] EncodeSigned(EthSignature signature) => TransactionEncoding.Signed(this, signature);

    public Model.SignedTransaction ToNethereum()
    {
        var to = TransactionFields.To(To);
        var gasPrice = TransactionFields.UInt256(GasPrice, "gasPrice");
        var value = TransactionFields.UInt256(Value, "value");
        var data = TransactionFields.Data(Data);
        return ChainId is { } chainId
            ? new Model.LegacyTransactionChainId(to, value, Nonce, gasPrice, GasLimit, data, chainId)
            : new Model.LegacyTransaction(to, value, Nonce, gasPrice, GasLimit, data);
    }

    /// <summary>Reads the nine RLP fields of a signed legacy transaction.</summary>
    internal static (LegacyTransaction Transaction, EthSignature Signature) DecodeSigned(RlpItem list)
    {
        if (!list.IsList || list.Items.Count != 9)
            throw new TransactionFormatException("transaction", $"a signed legacy transaction is an RLP list of 9 fields, got {(list.IsList ? list.Items.Count + " fields" : "a byte string")}");
        var f = list.Items;
        var v = TransactionFields.ReadUInt256(f[6], "v");
        ulong? chainId;
        int parity;
        if (v == 27 || v == 28)
        {
            chainId = null;
            parity = (int)(v - 27);
        }
        else if (v >= 35)
        {
            var id = (v - 35) / 2;
            if (id > ulong.MaxValue)
                throw new TransactionFormatException("v", "implies a chain id above 64 bits");
            chainId = (ulong)id;
            parity = (int)((v - 35) % 2);
        }
        else
        {
            throw new TransactionFormatException("v", $"must be 27, 28 or chainId * 2 + 35/36, got {v}");
        }

        var transaction = new LegacyTransaction
        {
            Nonce = TransactionFields.ReadUInt64(f[0], "nonce"),
            GasPrice = TransactionFields.ReadUInt256(f[1], "gasPrice"),
            GasLimit = TransactionFields.ReadUInt64(f[2], "gas"),
            To = TransactionFields.ReadTo(f[3]),
            Value = TransactionFields.ReadUInt256(f[4], "value"),
            Data = f[5].ToBytes("data"),
            ChainId = chainId,
        };
        return (transaction, TransactionFields.ReadSignature(f[7], f[8], parity));
    }
}
