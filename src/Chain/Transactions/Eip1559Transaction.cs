using System.Numerics;
using Commerce.Chain.Crypto;
using Commerce.Chain.Rlp;

namespace Commerce.Chain.Transactions;

/// <summary>
/// An EIP-1559 (type 2) transaction: 0x02 || rlp([chainId, nonce, maxPriorityFeePerGas,
/// maxFeePerGas, gas, to, value, data, accessList]) is hashed for signing, and the signed form
/// appends [yParity, r, s] to that list.
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

    public byte[] EncodeForSigning() => Envelope(Fields());

    public byte[] SigningHash() => Keccak256.Hash(EncodeForSigning());

    public byte[] EncodeSigned(EthSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var fields = Fields();
        fields.AddRange([RlpItem.UInt((ulong)signature.YParity), RlpItem.UInt(signature.RValue), RlpItem.UInt(signature.SValue)]);
        return Envelope(fields);
    }

    private List<RlpItem> Fields()
    {
        if (MaxPriorityFeePerGas > MaxFeePerGas)
            throw new TransactionFormatException("maxPriorityFeePerGas", $"({MaxPriorityFeePerGas}) cannot exceed maxFeePerGas ({MaxFeePerGas})");
        return
        [
            RlpItem.UInt(ChainId),
            RlpItem.UInt(Nonce),
            TransactionFields.UInt256(MaxPriorityFeePerGas, "maxPriorityFeePerGas"),
            TransactionFields.UInt256(MaxFeePerGas, "maxFeePerGas"),
            RlpItem.UInt(GasLimit),
            TransactionFields.To(To),
            TransactionFields.UInt256(Value, "value"),
            RlpItem.String(Data ?? throw new TransactionFormatException("data", "is null (use an empty array)")),
            RlpItem.List((AccessList ?? []).Select(e => e.ToRlp())),
        ];
    }

    private static byte[] Envelope(List<RlpItem> fields)
    {
        var list = RlpItem.List(fields);
        var output = new byte[1 + RlpEncoder.EncodedLength(list)];
        output[0] = (byte)TransactionType.Eip1559;
        RlpEncoder.Encode(list).CopyTo(output, 1);
        return output;
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
