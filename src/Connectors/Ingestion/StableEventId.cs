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
        var text = new StringBuilder(source.Length + 16 * parts.Length).Append(source);
        foreach (var part in parts)
            text.Append('\u001f').Append(part);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8 (vendor-defined, RFC 9562)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(bytes, bigEndian: true);
    }
}
