using System.Numerics;
using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;
using Commerce.Chain.Rlp;

namespace Commerce.Chain.Transactions;

/// <summary>Shared checks and RLP conversions for transaction fields; errors name the field.</summary>
internal static class TransactionFields
{
    private static readonly BigInteger Max256 = BigInteger.Pow(2, 256) - 1;

    /// <summary>The value, checked to be an unsigned 256-bit integer.</summary>
    public static BigInteger UInt256(BigInteger value, string field)
    {
        if (value.Sign < 0)
            throw new TransactionFormatException(field, $"cannot be negative ({value})");
        if (value > Max256)
            throw new TransactionFormatException(field, "does not fit in 256 bits");
        return value;
    }

    /// <summary>The recipient as Nethereum takes it: lower-case hex, or empty for a contract creation.</summary>
    public static string To(EthAddress? to) => to is null ? "" : to.ToLowerHex();

    /// <summary>The call data as Nethereum takes it (hex).</summary>
    public static string Data(byte[]? data) =>
        HexString.Encode(data ?? throw new TransactionFormatException("data", "is null (use an empty array)"));

    public static EthAddress? ReadTo(RlpItem item)
    {
        var bytes = item.ToBytes("to");
        return bytes.Length switch
        {
            0 => null,
            EthAddress.Length => EthAddress.FromBytes(bytes),
            _ => throw new TransactionFormatException("to", $"must be empty (contract creation) or 20 bytes, got {bytes.Length}"),
        };
    }

    public static BigInteger ReadUInt256(RlpItem item, string field)
    {
        if (!item.IsList && item.Bytes.Length > 32)
            throw new TransactionFormatException(field, "does not fit in 256 bits");
        return Read(() => item.ToBigInteger(field), field);
    }

    public static ulong ReadUInt64(RlpItem item, string field) => Read(() => item.ToUInt64(field), field);

    public static EthSignature ReadSignature(RlpItem r, RlpItem s, int yParity)
    {
        var rValue = ReadUInt256(r, "r");
        var sValue = ReadUInt256(s, "s");
        try
        {
            var signature = EthSignature.FromRsv(rValue, sValue, yParity);
            if (!signature.IsLowS)
                throw new TransactionFormatException("s", "is in the upper half of the curve order (invalid since EIP-2)");
            return signature;
        }
        catch (Hex.HexFormatException e)
        {
            throw new TransactionFormatException(e.Field, e.Message[(e.Field.Length + 2)..]);
        }
    }

    private static T Read<T>(Func<T> read, string field)
    {
        try
        {
            return read();
        }
        catch (RlpException e)
        {
            throw new TransactionFormatException(field, e.Message.StartsWith(field + ": ", StringComparison.Ordinal) ? e.Message[(field.Length + 2)..] : e.Message);
        }
    }
}
