using System.Security.Cryptography;
using System.Text;

namespace Commerce.Payments.Following;

/// <summary>
/// A deterministic envelope id: SHA-256 of a text, cut to a UUID (version 8, RFC 9562 variant). The same text
/// always gives the same id, so a record sent twice (outbox retry, re-scan) is deduped downstream.
/// </summary>
public static class DeterministicId
{
    public static Guid Of(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
