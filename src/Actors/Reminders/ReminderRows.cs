using System.Globalization;
using Orleans;
using Orleans.Runtime;

namespace Commerce.Actors.Reminders;

/// <summary>What both reminder tables store and how: the columns' encodings and Orleans' hash-range rule.</summary>
internal static class ReminderRows
{
    /// <summary>The columns every read selects, in this order (see <see cref="ToEntry"/>).</summary>
    public const string Columns = "grain_id, name, start_at, period_ms, version";

    /// <summary>
    /// The rows of a ring range (<paramref name="begin"/>, <paramref name="end"/>]: when begin &lt; end, the hashes
    /// above begin up to end; otherwise (begin ≥ end) the range wraps past the top of the ring: hashes above begin or up
    /// to end, which for begin = end is the whole ring. Hashes are stored as non-negative 64-bit integers.
    /// </summary>
    public static string RangePredicate(uint begin, uint end, string beginParameter, string endParameter) =>
        begin < end
            ? $"grain_hash > {beginParameter} AND grain_hash <= {endParameter}"
            : $"(grain_hash > {beginParameter} OR grain_hash <= {endParameter})";

    public static long Hash(GrainId grainId) => grainId.GetUniformHashCode();

    /// <summary>Orleans gives reminder times in UTC; a time without a kind is taken as UTC too.</summary>
    public static DateTime Utc(DateTime time) =>
        time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc);

    public static long ToUnixMilliseconds(DateTime time) => new DateTimeOffset(Utc(time)).ToUnixTimeMilliseconds();

    public static DateTime FromUnixMilliseconds(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds).UtcDateTime;

    public static long PeriodMilliseconds(TimeSpan period) => (long)period.TotalMilliseconds;

    public static string ETag(long version) => version.ToString(CultureInfo.InvariantCulture);

    /// <summary>The version an ETag names, or null for one this table never gave out (it matches no row).</summary>
    public static long? Version(string? eTag) =>
        long.TryParse(eTag, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;

    public static ReminderEntry ToEntry(string grainId, string name, DateTime startAt, long periodMilliseconds, long version) => new()
    {
        GrainId = GrainId.Parse(grainId),
        ReminderName = name,
        StartAt = startAt,
        Period = TimeSpan.FromMilliseconds(periodMilliseconds),
        ETag = ETag(version),
    };

    public static void Validate(ReminderEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.GrainId.IsDefault)
            throw new ArgumentException("ReminderEntry.GrainId is not set", nameof(entry));
        if (string.IsNullOrEmpty(entry.ReminderName))
            throw new ArgumentException("ReminderEntry.ReminderName is empty", nameof(entry));
    }
}
