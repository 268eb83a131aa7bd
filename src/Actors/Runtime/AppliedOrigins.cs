namespace Commerce.Actors.Runtime;

/// <summary>
/// The Kafka records a grain has applied, per source partition (decision D2: a redelivered record changes nothing).
/// Written with the grain's state, in the same transaction as the effects of those records. A new broker epoch
/// (an embedded cluster started afresh) starts its partitions' windows anew.
/// </summary>
public sealed class AppliedOrigins
{
    private readonly Dictionary<string, OriginWindow> _windows;

    public AppliedOrigins() => _windows = new(StringComparer.Ordinal);

    public AppliedOrigins(IReadOnlyDictionary<string, OriginWindow> windows) => _windows = new(windows, StringComparer.Ordinal);

    public IReadOnlyDictionary<string, OriginWindow> Windows => _windows;

    /// <summary>
    /// True when <paramref name="origin"/> was applied: it lies at or below the ingress's floor (its batch completed
    /// before), or this grain recorded it in the same epoch.
    /// </summary>
    public bool Contains(Origin origin) =>
        origin.Offset <= origin.Floor
        || (_windows.TryGetValue(origin.Source, out var window) && window.Epoch == origin.Epoch && window.Contains(origin.Offset));

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

    /// <summary>A copy, so a failed change can be undone.</summary>
    public AppliedOrigins Clone() => new(_windows);
}
