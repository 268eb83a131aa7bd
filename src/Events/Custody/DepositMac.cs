using System.Globalization;
using Commerce.Events.Marks;

namespace Commerce.Events.Custody;

/// <summary>
/// The deposit watcher's mark on a <see cref="DepositObserved"/>: <see cref="FieldMac"/> (HMAC-SHA256) under the
/// watcher's key (<c>Custody:DepositKey</c>) of wallet, custody address, amount, transaction hash, block number, block
/// hash, confirmed and reorged (addresses and hashes lower-cased). A custodial account credits only deposits that carry
/// it: whoever else can write to commerce.custody-events cannot make money appear.
/// </summary>
public static class DepositMac
{
    /// <summary>The observation marked by the watcher.</summary>
    public static DepositObserved Sign(DepositObserved deposit, ReadOnlySpan<byte> key)
    {
        ArgumentNullException.ThrowIfNull(deposit);
        return deposit with { WatcherMac = FieldMac.Compute(key, Fields(deposit)) };
    }

    /// <summary>Whether the observation carries the watcher's mark under <paramref name="key"/>.</summary>
    public static bool Verify(DepositObserved deposit, ReadOnlySpan<byte> key)
    {
        ArgumentNullException.ThrowIfNull(deposit);
        return FieldMac.Matches(deposit.WatcherMac, key, Fields(deposit));
    }

    private static string?[] Fields(DepositObserved d) =>
    [
        d.Wallet?.ToLowerInvariant(), d.Custody?.ToLowerInvariant(), d.Amount, d.TransactionHash?.ToLowerInvariant(),
        d.BlockNumber.ToString(CultureInfo.InvariantCulture), d.BlockHash?.ToLowerInvariant(),
        d.Confirmed ? "1" : "0", d.Reorged ? "1" : "0",
    ];
}
