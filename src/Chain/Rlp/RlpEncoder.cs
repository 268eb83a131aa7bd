using System.Numerics;

namespace Commerce.Chain.Rlp;

/// <summary>
/// Recursive Length Prefix encoding (Ethereum yellow paper, appendix B). Sizes are computed
/// first so every encoding is written into one exactly-sized array.
/// </summary>
public static class RlpEncoder
{
    public static byte[] Encode(RlpItem item)
    {
        var output = new byte[EncodedLength(item)];
        var written = Write(item, output);
        System.Diagnostics.Debug.Assert(written == output.Length);
        return output;
    }

    public static byte[] EncodeBytes(ReadOnlySpan<byte> bytes) => Encode(RlpItem.String(bytes));

    public static byte[] EncodeUInt(BigInteger value) => Encode(RlpItem.UInt(value));

    public static byte[] EncodeUInt(ulong value) => Encode(RlpItem.UInt(value));

    public static byte[] EncodeList(params RlpItem[] items) => Encode(RlpItem.List(items));

    /// <summary>Total encoded size of <paramref name="item"/>, prefix included.</summary>
    public static int EncodedLength(RlpItem item)
    {
        if (!item.IsList)
        {
            var bytes = item.Bytes;
            if (bytes.Length == 1 && bytes[0] < 0x80)
                return 1;
            return HeaderLength(bytes.Length) + bytes.Length;
        }
        var payload = PayloadLength(item);
        return HeaderLength(payload) + payload;
    }

    private static int PayloadLength(RlpItem list)
    {
        var total = 0;
        foreach (var child in list.Items)
            total = checked(total + EncodedLength(child));
        return total;
    }

    private static int HeaderLength(int payloadLength) =>
        payloadLength < 56 ? 1 : 1 + LengthOfLength(payloadLength);

    private static int LengthOfLength(int length)
    {
        var n = 0;
        for (var v = (uint)length; v != 0; v >>= 8)
            n++;
        return n;
    }

    private static int Write(RlpItem item, Span<byte> output)
    {
        if (!item.IsList)
        {
            var bytes = item.Bytes;
            if (bytes.Length == 1 && bytes[0] < 0x80)
            {
                output[0] = bytes[0];
                return 1;
            }
            var header = WriteHeader(0x80, bytes.Length, output);
            bytes.CopyTo(output[header..]);
            return header + bytes.Length;
        }

        var offset = WriteHeader(0xc0, PayloadLength(item), output);
        foreach (var child in item.Items)
            offset += Write(child, output[offset..]);
        return offset;
    }

    private static int WriteHeader(byte shortBase, int payloadLength, Span<byte> output)
    {
        if (payloadLength < 56)
        {
            output[0] = (byte)(shortBase + payloadLength);
            return 1;
        }
        var lengthOfLength = LengthOfLength(payloadLength);
        output[0] = (byte)(shortBase + 55 + lengthOfLength);
        for (var i = 0; i < lengthOfLength; i++)
            output[lengthOfLength - i] = (byte)(payloadLength >> (8 * i));
        return 1 + lengthOfLength;
    }
}
