using Commerce.Pricing.Engine;

namespace Commerce.Pricing.Windows;

/// <summary>
/// Interests and bids per key (item id) counted over event-time sliding windows (t - window, t].
/// The watermark is the latest event time seen; an event older than watermark - allowed lateness is dropped and
/// counted in <see cref="LateEventsDropped"/>. Events within the lateness land where they belong, so arrival order
/// does not change any count. Queries are exact for any t at or after watermark - allowed lateness.
/// Not thread-safe: one instance per owner (grain or partition), applied one event at a time.
/// </summary>
public sealed class DemandWindows
{
    private readonly Dictionary<string, KeySeries> _series = new(StringComparer.Ordinal);
    private readonly DemandWindowsOptions _options;
    private long _watermark = DateTimeOffset.MinValue.UtcTicks;
    private long _lastPrune = DateTimeOffset.MinValue.UtcTicks;

    public DemandWindows(DemandWindowsOptions? options = null)
    {
        _options = (options ?? new DemandWindowsOptions()).Validate();
    }

    public DemandWindowsOptions Options => _options;

    public DateTimeOffset Watermark => new(_watermark, TimeSpan.Zero);

    public long LateEventsDropped { get; private set; }

    public int KeyCount => _series.Count;

    /// <summary>Counts an interest; false when it came too late to count.</summary>
    public bool RecordInterest(string key, DateTimeOffset at) => Record(key, at, bid: false);

    /// <summary>Counts a bid; false when it came too late to count.</summary>
    public bool RecordBid(string key, DateTimeOffset at) => Record(key, at, bid: true);

    /// <summary>Moves event time forward without an event (any other fact, or an offer request, proves time passed).</summary>
    public void AdvanceWatermark(DateTimeOffset to)
    {
        if (to.UtcTicks > _watermark)
        {
            _watermark = to.UtcTicks;
        }

        if (_watermark - _lastPrune >= _options.Long.Ticks)
        {
            Prune();
        }
    }

    public DemandSnapshot Snapshot(string key, DateTimeOffset at)
    {
        if (!_series.TryGetValue(key, out var series))
        {
            return new DemandSnapshot(new(_options.Short, 0, 0), new(_options.Medium, 0, 0), new(_options.Long, 0, 0));
        }

        var t = at.UtcTicks;
        return new DemandSnapshot(Count(series, t, _options.Short), Count(series, t, _options.Medium), Count(series, t, _options.Long));
    }

    /// <summary>Drops times no query can see any more, and keys left empty.</summary>
    public void Prune()
    {
        _lastPrune = _watermark;
        var horizon = RetentionHorizon();
        List<string>? empty = null;
        foreach (var (key, series) in _series)
        {
            series.Interests.DropThrough(horizon);
            series.Bids.DropThrough(horizon);
            if (series.Interests.Count == 0 && series.Bids.Count == 0)
            {
                (empty ??= []).Add(key);
            }
        }

        empty?.ForEach(key => _series.Remove(key));
    }

    private bool Record(string key, DateTimeOffset at, bool bid)
    {
        var t = at.UtcTicks;
        if (_watermark != DateTimeOffset.MinValue.UtcTicks && t < _watermark - _options.AllowedLateness.Ticks)
        {
            LateEventsDropped++;
            return false;
        }

        if (!_series.TryGetValue(key, out var series))
        {
            series = new KeySeries();
            _series[key] = series;
        }

        (bid ? series.Bids : series.Interests).Insert(t);
        AdvanceWatermark(at);
        var horizon = RetentionHorizon();
        series.Interests.DropThrough(horizon);
        series.Bids.DropThrough(horizon);
        return true;
    }

    private long RetentionHorizon() => _watermark - _options.AllowedLateness.Ticks - _options.Long.Ticks;

    private static DemandCount Count(KeySeries series, long t, TimeSpan window) =>
        new(window, series.Interests.CountIn(t - window.Ticks, t), series.Bids.CountIn(t - window.Ticks, t));

    private sealed class KeySeries
    {
        public SortedTicks Interests { get; } = new();

        public SortedTicks Bids { get; } = new();
    }
}
