using Commerce.Events.Marks;

namespace Commerce.Events.Chain;

/// <summary>
/// The executor's mark on a <see cref="ChainTransactionUpdated"/>: <see cref="FieldMac"/> (HMAC-SHA256), under the key
/// of the command's requester (the key the executor verified the command with), of what the requester's grains act on:
/// a "chain-update" tag, the requester, command id, stage, transaction hash (lower-cased, "" when none) and reason.
/// Whoever else can write commerce.chain-transactions or a topic it is routed to cannot speak as the executor: a
/// forged <c>failed</c> cannot give a withdrawal back, nor can a stage or hash be changed after marking.
/// </summary>
public static class ChainUpdateMac
{
    private const string Tag = "chain-update";

    /// <summary>The update marked for <paramref name="requester"/> under its <paramref name="key"/>.</summary>
    public static ChainTransactionUpdated Sign(ChainTransactionUpdated update, string requester, ReadOnlySpan<byte> key)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentException.ThrowIfNullOrWhiteSpace(requester);
        return update with
        {
            Requester = requester,
            ExecutorMac = FieldMac.Compute(key, Fields(requester, update.CommandId, update.Stage, update.TransactionHash, update.Reason)),
        };
    }

    /// <summary>Whether the update carries the executor's mark for its requester under <paramref name="key"/>.</summary>
    public static bool Verify(ChainTransactionUpdated update, ReadOnlySpan<byte> key)
    {
        ArgumentNullException.ThrowIfNull(update);
        return !string.IsNullOrEmpty(update.Requester)
            && Matches(update.ExecutorMac, key, update.Requester, update.CommandId, update.Stage, update.TransactionHash, update.Reason);
    }

    /// <summary>
    /// Whether <paramref name="mac"/> is the executor's mark of these fields for <paramref name="requester"/>: how a
    /// routed copy (a withdrawal's or an order's update) is checked by the requester's grains.
    /// </summary>
    public static bool Matches(string? mac, ReadOnlySpan<byte> key, string requester, string? commandId, string? stage, string? transactionHash, string? reason) =>
        FieldMac.Matches(mac, key, Fields(requester, commandId, stage, transactionHash, reason));

    private static string?[] Fields(string requester, string? commandId, string? stage, string? transactionHash, string? reason) =>
        [Tag, requester, commandId, stage, transactionHash?.ToLowerInvariant(), reason];
}
