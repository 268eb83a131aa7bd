using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Commerce.Events.Chain;

/// <summary>
/// The requester's mark on a <see cref="ChainCommandRequested"/>: HMAC-SHA256, under the requesting component's own key,
/// of every field that shapes the transaction and of the requester's name, each as a 4-byte big-endian length and its
/// UTF-8 bytes (addresses and data lower-cased): command id, kind, to, value, data, gas limit, fee ceiling ("" when
/// none), requester. A producer that does not hold the key cannot make a command the executor signs, nor change one.
/// </summary>
public static class ChainCommandMac
{
    /// <summary>The shortest key accepted (bytes).</summary>
    public const int MinKeyBytes = 32;

    /// <summary>The command marked as asked by <paramref name="requester"/> under <paramref name="key"/>.</summary>
    public static ChainCommandRequested Sign(ChainCommandRequested command, string requester, ReadOnlySpan<byte> key)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentException.ThrowIfNullOrWhiteSpace(requester);
        if (key.Length < MinKeyBytes)
            throw new ArgumentException($"a requester key has at least {MinKeyBytes} bytes", nameof(key));
        return command with { Requester = requester, RequesterMac = Convert.ToHexStringLower(Compute(command, requester, key)) };
    }

    /// <summary>Whether the command's mark is its requester's HMAC under <paramref name="key"/> (compared in fixed time).</summary>
    public static bool Verify(ChainCommandRequested command, ReadOnlySpan<byte> key)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (string.IsNullOrEmpty(command.Requester) || command.RequesterMac is not { Length: 64 } text)
            return false;
        Span<byte> given = stackalloc byte[32];
        if (Convert.FromHexString(text, given, out _, out var written) != System.Buffers.OperationStatus.Done || written != 32)
            return false;
        return CryptographicOperations.FixedTimeEquals(given, Compute(command, command.Requester, key));
    }

    private static byte[] Compute(ChainCommandRequested command, string requester, ReadOnlySpan<byte> key)
    {
        using var buffer = new MemoryStream();
        Span<byte> length = stackalloc byte[4];
        foreach (var field in new[]
        {
            command.CommandId, command.Kind, command.To?.ToLowerInvariant(), command.ValueWei, command.Data?.ToLowerInvariant(),
            command.GasLimit.ToString(System.Globalization.CultureInfo.InvariantCulture), command.MaxFeeCeilingWei, requester,
        })
        {
            var bytes = Encoding.UTF8.GetBytes(field ?? "");
            BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
            buffer.Write(length);
            buffer.Write(bytes);
        }
        return HMACSHA256.HashData(key, buffer.ToArray());
    }
}
