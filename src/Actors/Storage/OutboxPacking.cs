using System.Buffers.Binary;
using System.Text;

namespace Commerce.Actors.Storage;

/// <summary>
/// One outbox row holds every record a commit emitted, packed as length-prefixed fields
/// (count, then topic, key and value of each). A batch of a thousand events costs the outbox one
/// insert and one delete instead of thousands.
/// </summary>
public static class OutboxPacking
{
    public static byte[] Pack(IReadOnlyList<OutboxWrite> records)
    {
        var size = 4;
        foreach (var r in records)
            size += 12 + Encoding.UTF8.GetByteCount(r.Topic) + Encoding.UTF8.GetByteCount(r.Key) + r.Value.Length;
        var buffer = new byte[size];
        var span = buffer.AsSpan();
        BinaryPrimitives.WriteInt32LittleEndian(span, records.Count);
        var at = 4;
        foreach (var r in records)
        {
            at += WriteText(span[at..], r.Topic);
            at += WriteText(span[at..], r.Key);
            BinaryPrimitives.WriteInt32LittleEndian(span[at..], r.Value.Length);
            r.Value.CopyTo(span[(at + 4)..]);
            at += 4 + r.Value.Length;
        }
        return buffer;
    }

    public static IReadOnlyList<OutboxWrite> Unpack(ReadOnlySpan<byte> packed)
    {
        var count = BinaryPrimitives.ReadInt32LittleEndian(packed);
        var records = new List<OutboxWrite>(count);
        var at = 4;
        for (var i = 0; i < count; i++)
        {
            var topic = ReadText(packed, ref at);
            var key = ReadText(packed, ref at);
            var length = BinaryPrimitives.ReadInt32LittleEndian(packed[at..]);
            var value = packed.Slice(at + 4, length).ToArray();
            at += 4 + length;
            records.Add(new OutboxWrite(topic, key, value));
        }
        return records;
    }

    private static int WriteText(Span<byte> span, string text)
    {
        var length = Encoding.UTF8.GetBytes(text, span[4..]);
        BinaryPrimitives.WriteInt32LittleEndian(span, length);
        return 4 + length;
    }

    private static string ReadText(ReadOnlySpan<byte> packed, ref int at)
    {
        var length = BinaryPrimitives.ReadInt32LittleEndian(packed[at..]);
        var text = Encoding.UTF8.GetString(packed.Slice(at + 4, length));
        at += 4 + length;
        return text;
    }
}
