using System.Security.Cryptography;
using System.Text;
using Commerce.Payments.Watcher;

namespace Commerce.Payments.Deposits;

/// <summary>
/// Deterministic envelope ids of deposit reports: SHA-256 of ("deposit", transaction hash, stage, block hash), cut
/// to a UUID (version 8, RFC 9562 variant). A report sent twice (outbox retry, re-scan) is deduped by the custody grain.
/// </summary>
public static class DepositEventIds
{
    public static Guid For(string transactionHash, ObservationStage stage, string blockHash)
    {
        var text = $"deposit|{transactionHash.ToLowerInvariant()}|{stage}|{blockHash.ToLowerInvariant()}";
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
