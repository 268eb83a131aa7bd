using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Commerce.Connectors.Ingestion;

/// <summary>
/// The event id of an ingested record, derived from the source's own ids (a replay id, a record id and its modstamp,
/// a marketplace event's order hash...): the same source fact gets the same id however often it is read, so the
/// publish ledger recognises a replay. A name-based UUID (version 8 layout) over SHA-256 of the parts.
/// </summary>
public static class StableEventId
{
    public static Guid Of(string source, params ReadOnlySpan<string> parts)
    {
        // The UTF-8 of source, then of each part after a unit separator (U+001F, one byte), hashed without a string between.
        var length = Encoding.UTF8.GetByteCount(source);
        foreach (var part in parts)
            length += 1 + Encoding.UTF8.GetByteCount(part);
        var rented = length > 512 ? ArrayPool<byte>.Shared.Rent(length) : null;
        var text = rented is null ? stackalloc byte[length] : rented.AsSpan(0, length);
        var at = Encoding.UTF8.GetBytes(source, text);
        foreach (var part in parts)
        {
            text[at++] = 0x1F;
            at += Encoding.UTF8.GetBytes(part, text[at..]);
        }
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(text, hash);
        if (rented is not null)
            ArrayPool<byte>.Shared.Return(rented);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8 (vendor-defined, RFC 9562)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(bytes, bigEndian: true);
    }
}
