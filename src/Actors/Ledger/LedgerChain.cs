using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Commerce.Actors.Ledger;

/// <summary>
/// The hash chain of decision D9. Entry n (n = 1, 2, ...) has hash
/// SHA-256(hash(n-1) || n || at || grain type || key || event id || entry), with 32 zero bytes before
/// the first entry, integers as 8-byte big-endian, strings and the entry as a 4-byte big-endian length then
/// their UTF-8 bytes. Changing, removing or reordering any stored entry breaks every hash after it.
/// </summary>
public static class LedgerChain
{
    public const int HashLength = 32;

    /// <summary>The hash that comes before the first entry.</summary>
    public static byte[] Genesis => new byte[HashLength];

    public static byte[] Hash(ReadOnlySpan<byte> previousHash, long seq, LedgerWrite write)
    {
        if (previousHash.Length != HashLength)
            throw new ArgumentException($"a ledger hash is {HashLength} bytes, got {previousHash.Length}", nameof(previousHash));
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> number = stackalloc byte[8];
        sha.AppendData(previousHash);
        BinaryPrimitives.WriteInt64BigEndian(number, seq);
        sha.AppendData(number);
        BinaryPrimitives.WriteInt64BigEndian(number, write.At.ToUnixTimeMilliseconds());
        sha.AppendData(number);
        AppendSized(sha, Encoding.UTF8.GetBytes(write.GrainType));
        AppendSized(sha, Encoding.UTF8.GetBytes(write.Key));
        sha.AppendData(write.EventId.ToByteArray(bigEndian: true));
        AppendSized(sha, write.Entry);
        return sha.GetHashAndReset();
    }

    private static void AppendSized(IncrementalHash sha, ReadOnlySpan<byte> bytes)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        sha.AppendData(length);
        sha.AppendData(bytes);
    }
}
