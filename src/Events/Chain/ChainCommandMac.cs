using System.Globalization;
using Commerce.Events.Marks;

namespace Commerce.Events.Chain;

/// <summary>
/// The requester's mark on a <see cref="ChainCommandRequested"/>: <see cref="FieldMac"/> (HMAC-SHA256), under the
/// requesting component's own key, of every field that shapes the transaction and of the requester's name: command id,
/// kind, to, value, data, gas limit, fee ceiling ("" when none), requester (addresses and data lower-cased). A producer
/// that does not hold the key cannot make a command the executor signs, nor change one.
/// </summary>
public static class ChainCommandMac
{
    /// <summary>The shortest key accepted (bytes).</summary>
    public const int MinKeyBytes = FieldMac.MinKeyBytes;

    /// <summary>The command marked as asked by <paramref name="requester"/> under <paramref name="key"/>.</summary>
    public static ChainCommandRequested Sign(ChainCommandRequested command, string requester, ReadOnlySpan<byte> key)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentException.ThrowIfNullOrWhiteSpace(requester);
        return command with { Requester = requester, RequesterMac = FieldMac.Compute(key, Fields(command, requester)) };
    }

    /// <summary>Whether the command's mark is its requester's HMAC under <paramref name="key"/>.</summary>
    public static bool Verify(ChainCommandRequested command, ReadOnlySpan<byte> key)
    {
        ArgumentNullException.ThrowIfNull(command);
        return !string.IsNullOrEmpty(command.Requester) && FieldMac.Matches(command.RequesterMac, key, Fields(command, command.Requester));
    }

    private static string?[] Fields(ChainCommandRequested c, string requester) =>
    [
        c.CommandId, c.Kind, c.To?.ToLowerInvariant(), c.ValueWei, c.Data?.ToLowerInvariant(),
        c.GasLimit.ToString(CultureInfo.InvariantCulture), c.MaxFeeCeilingWei, requester,
    ];
}
