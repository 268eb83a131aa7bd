using System.Security.Cryptography;
using System.Text;

namespace Commerce.Payments.Watcher;

/// <summary>
/// Deterministic envelope ids: SHA-256 of (transaction hash, log index, stage, block hash), cut to a
/// UUID (version 8, RFC 9562 variant). The same observation always gets the same id, so a record the
/// outbox sends twice, or a re-scan reports again, is deduped downstream.
/// </summary>
public static class PaymentEventIds
{
    public static Guid For(string transactionHash, int logIndex, ObservationStage stage, string blockHash)
    {
        var text = $"{transactionHash.ToLowerInvariant()}|{logIndex.ToString(System.Globalization.CultureInfo.InvariantCulture)}|{stage}|{blockHash.ToLowerInvariant()}";
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
