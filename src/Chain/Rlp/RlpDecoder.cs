namespace Commerce.Chain.Rlp;

/// <summary>
/// Strict RLP decoding: the input must be exactly one canonical item. Rejected, with the byte
/// offset in the message: truncated input, trailing bytes, a single byte below 0x80 written as a
/// one-byte string, long forms used for short payloads, and lengths with leading zero bytes.
/// </summary>
public static class RlpDecoder
{
    private const int MaxDepth = 64;

    public static RlpItem Decode(ReadOnlySpan<byte> input)
    {
        if (input.IsEmpty)
            throw new RlpException("RLP input is empty");
        var item = ReadItem(input, 0, out var consumed, depth: 0);
        if (consumed != input.Length)
            throw new RlpException($"RLP input has {input.Length - consumed} trailing byte(s) after the first item (at offset {consumed})");
        return item;
    }

    private static RlpItem ReadItem(ReadOnlySpan<byte> input, int offset, out int next, int depth)
    {
        if (depth > MaxDepth)
            throw new RlpException($"RLP nesting deeper than {MaxDepth} at offset {offset}");
        if (offset >= input.Length)
            throw new RlpException($"RLP input ends at offset {offset} where an item was expected");

        var prefix = input[offset];
        if (prefix < 0x80)
        {
            next = offset + 1;
            return RlpItem.Wrap([prefix]);
        }

        var isList = prefix >= 0xc0;
        var shortBase = isList ? 0xc0 : 0x80;
        int payloadStart, payloadLength;
        if (prefix - shortBase <= 55)
        {
            payloadLength = prefix - shortBase;
            payloadStart = offset + 1;
        }
        else
        {
            var lengthOfLength = prefix - shortBase - 55;
            if (offset + 1 + lengthOfLength > input.Length)
                throw new RlpException($"RLP length at offset {offset} runs past the end of the input");
            if (input[offset + 1] == 0)
                throw new RlpException($"RLP length at offset {offset} has a leading zero byte (not canonical)");
            if (lengthOfLength > 4)
                throw new RlpException($"RLP length at offset {offset} is {lengthOfLength} bytes long, too large");
            long length = 0;
            for (var i = 0; i < lengthOfLength; i++)
                length = (length << 8) | input[offset + 1 + i];
            if (length < 56)
                throw new RlpException($"RLP item at offset {offset} uses the long form for {length} bytes (not canonical)");
            if (length > int.MaxValue)
                throw new RlpException($"RLP item at offset {offset} is too large ({length} bytes)");
            payloadLength = (int)length;
            payloadStart = offset + 1 + lengthOfLength;
        }

        if ((long)payloadStart + payloadLength > input.Length)
            throw new RlpException($"RLP item at offset {offset} declares {payloadLength} bytes but only {input.Length - payloadStart} remain");
        next = payloadStart + payloadLength;

        if (!isList)
        {
            if (payloadLength == 1 && input[payloadStart] < 0x80)
                throw new RlpException($"RLP single byte 0x{input[payloadStart]:x2} at offset {offset} must be encoded as itself (not canonical)");
            return RlpItem.Wrap(input.Slice(payloadStart, payloadLength).ToArray());
        }

        var items = new List<RlpItem>();
        var position = payloadStart;
        while (position < next)
        {
            var child = ReadItem(input[..next], position, out var after, depth + 1);
            items.Add(child);
            position = after;
        }
        return RlpItem.WrapList(items.ToArray());
    }
}
