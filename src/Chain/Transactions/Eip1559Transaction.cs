using System.Numerics;
using Commerce.Chain.Crypto;
using Commerce.Chain.Rlp;
using Model = Nethereum.Model;

namespace Commerce.Chain.Transactions;

/// <summary>
/// An EIP-1559 (type 2) transaction: 0x02 || rlp([chainId, nonce, maxPriorityFeePerGas,
/// maxFeePerGas, gas, to, value, data, accessList]) is hashed for signing, and the signed form
/// appends [yParity, r, s] to that list. Nethereum's Transaction1559 encodes it; we check the fields
/// first and decode signed ones strictly.
/// </summary>
public sealed record Eip1559Transaction : ITransaction
{
    public TransactionType Type => TransactionType.Eip1559;

    public required ulong ChainId { get; init; }

    ulong? ITransaction.ChainId => ChainId;

    public ulong Nonce { get; init; }

    public BigInteger MaxPriorityFeePerGas { get; init; }

    public BigInteger MaxFeePerGas { get; init; }

    public ulong GasLimit { get; init; }

    public EthAddress? To { get; init; }

    public BigInteger Value { get; init; }

    public byte[] Data { get; init; } = [];

    public IReadOnlyList<AccessListEntry> AccessList { get; init; } = [];

    public byte[] EncodeForSigning() => ToNethereum().GetRLPEncodedRaw();

    public byte[] SigningHash() => ToNethereum().RawHash;

    public byte[] EncodeSigned(EthSignature signature) => TransactionEncoding.Signed(this, signature);

    public Model.SignedTransaction ToNethereum()
    {
        if (MaxPriorityFeePerGas > MaxFeePerGas)
            throw new TransactionFormatException("maxPriorityFeePerGas", $"({MaxPriorityFeePerGas}) cannot exceed maxFeePerGas ({MaxFeePerGas})");
        return new Model.Transaction1559(
            ChainId,
            Nonce,
            TransactionFields.UInt256(MaxPriorityFeePerGas, "maxPriorityFeePerGas"),
            TransactionFields.UInt256(MaxFeePerGas, "maxFeePerGas"),
            GasLimit,
            TransactionFields.To(To),
            TransactionFields.UInt256(Value, "value"),
            TransactionFields.Data(Data),
            [.. (AccessList ?? []).Select(e => e.ToNethereum())]);
    }

    /// <summary>Reads the twelve RLP fields that follow the 0x02 type byte of a signed transaction.</summary>
    internal static (Eip1559Transaction Transaction, EthSignature Signature) DecodeSigned(RlpItem list)
    {
        if (!list.IsList || list.Items.Count != 12)
            throw new TransactionFormatException("transaction", $"a signed EIP-1559 transaction is an RLP list of 12 fields, got {(list.IsList ? list.Items.Count + " fields" : "a byte string")}");
        var f = list.Items;
        var parity = TransactionFields.ReadUInt64(f[9], "yParity");
        if (parity > 1)
            throw new TransactionFormatException("yParity", $"must be 0 or 1, got {parity}");
        var transaction = new Eip1559Transaction
        {
            ChainId = TransactionFields.ReadUInt64(f[0], "chainId"),
            Nonce = TransactionFields.ReadUInt64(f[1], "nonce"),
            MaxPriorityFeePerGas = TransactionFields.ReadUInt256(f[2], "maxPriorityFeePerGas"),
            MaxFeePerGas = TransactionFields.ReadUInt256(f[3], "maxFeePerGas"),
            GasLimit = TransactionFields.ReadUInt64(f[4], "gas"),
            To = TransactionFields.ReadTo(f[5]),
            Value = TransactionFields.ReadUInt256(f[6], "value"),
            Data = f[7].ToBytes("data"),
            AccessList = AccessListEntry.FromRlp(f[8]),
        };
        return (transaction, TransactionFields.ReadSignature(f[10], f[11], (int)parity));
    }
}
