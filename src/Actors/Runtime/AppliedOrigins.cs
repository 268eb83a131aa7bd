namespace Commerce.Actors.Runtime;

/// <summary>
/// The Kafka records a grain has applied (decision D2: a redelivered record changes nothing), written with the grain's
/// state, in the same transaction as the effects of those records:
/// <list type="bullet">
/// <item>per source partition, the offsets applied (<see cref="OriginWindow"/>): the same record read again. A new broker
/// epoch (an embedded cluster started afresh) starts its partitions' windows anew;</item>
/// <item>the event ids of the last <see cref="RecentEventCapacity"/> records applied: the same event stored twice in
/// the topic, at two offsets (a producer that resent what the broker had already appended, see
/// docs/ARCHITECTURE-NOTES.md).</item>
/// </list>
/// </summary>
public sealed class AppliedOrigins
{
    /// <summary>Event ids kept per grain: a repeat further back than this many of the key's records is not recognised.</summary>
    public const int RecentEventCapacity = 32;

    private readonly Dictionary<string, OriginWindow> _windows;
    private readonly List<Guid> _recentEvents;

    public AppliedOrigins() : this(new Dictionary<string, OriginWindow>(), [])
    {
    }

    public AppliedOrigins(IReadOnlyDictionary<string, OriginWindow> windows, IReadOnlyList<Guid>? recentEvents = null)
    {
        _windows = new(windows, StringComparer.Ordinal);
        _recentEvents = recentEvents is null ? [] : [.. recentEvents.TakeLast(RecentEventCapacity)];
    }

    public IReadOnlyDictionary<string, OriginWindow> Windows => _windows;

    /// <summary>The event ids of the last records applied, oldest first.</summary>
    public IReadOnlyList<Guid> RecentEvents => _recentEvents;

    /// <summary>
    /// True when <paramref name="origin"/> was applied: it lies at or below the ingress's floor (its batch completed
    /// before), or this grain recorded it in the same epoch.
    /// </summary>
    public bool Contains(Origin origin) =>
        origin.Offset <= origin.Floor
        || (_windows.TryGetValue(origin.Source, out var window) && window.Epoch == origin.Epoch && window.Contains(origin.Offset));

    /// <summary>True when the record at <paramref name="origin"/> was applied, or the event it carries was, from another offset.</summary>
    public bool Contains(Origin origin, Guid eventId) => Contains(origin) || _recentEvents.Contains(eventId);

    /// <summary>Records <paramref name="origin"/> as applied; false (and nothing changes) when it already was.</summary>
    public bool TryAdd(Origin origin)
    {
        if (Contains(origin))
            return false;
        var window = _windows.TryGetValue(origin.Source, out var known) && known.Epoch == origin.Epoch
            ? known
            : new OriginWindow(origin.Epoch, -1, []);
        _windows[origin.Source] = window.With(origin);
        return true;
    }

    /// <summary>Records the record at <paramref name="origin"/>, carrying event <paramref name="eventId"/>, as applied.</summary>
    public void Add(Origin origin, Guid eventId)
    {
        TryAdd(origin);
        if (_recentEvents.Contains(eventId))
            return;
        if (_recentEvents.Count == RecentEventCapacity)
            _recentEvents.RemoveAt(0);
        _recentEvents.Add(eventId);
    }

    /// <summary>A copy, so a failed change can be undone.</summary>
    public AppliedOrigins Clone() => new(_windows, _recentEvents);
}
