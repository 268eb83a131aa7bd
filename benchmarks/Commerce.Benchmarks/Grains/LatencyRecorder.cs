using System.Diagnostics.Metrics;
using Commerce.Actors.Runtime;

namespace Commerce.Benchmarks.Grains;

/// <summary>
/// Listens to the grain runtime's meter for one grain type: applied counts, and while recording, the apply latency
/// with its parts (receive latency, commit duration) and the batch sizes.
/// </summary>
internal sealed class LatencyRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly string _grainType;
    private readonly Dictionary<string, List<double>> _samples = new()
    {
        ["commerce.grains.apply_latency"] = [],
        ["commerce.grains.receive_latency"] = [],
        ["commerce.grains.commit_duration"] = [],
        ["commerce.grains.batch_size"] = [],
    };
    private long _applied;
    private bool _recording;

    public LatencyRecorder(string grainType)
    {
        _grainType = grainType;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == GrainMetrics.MeterName && (instrument.Name == "commerce.grains.applied" || _samples.ContainsKey(instrument.Name)))
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (!IsOurs(tags)) return;
            if (instrument.Name == "commerce.grains.applied") Interlocked.Add(ref _applied, value);
            else Record(instrument.Name, value);
        });
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            if (IsOurs(tags)) Record(instrument.Name, value);
        });
        _listener.Start();
    }

    public long Applied => Interlocked.Read(ref _applied);

    public void StartRecording()
    {
        lock (_samples)
        {
            foreach (var list in _samples.Values) list.Clear();
            _recording = true;
        }
    }

    /// <summary>Stops recording; the distributions of apply latency, receive latency, commit duration and batch size.</summary>
    public GrainLatencies StopRecording()
    {
        lock (_samples)
        {
            _recording = false;
            return new GrainLatencies(
                Distribution.Of(_samples["commerce.grains.apply_latency"]),
                Distribution.Of(_samples["commerce.grains.receive_latency"]),
                Distribution.Of(_samples["commerce.grains.commit_duration"]),
                Distribution.Of(_samples["commerce.grains.batch_size"]));
        }
    }

    public void Dispose() => _listener.Dispose();

    private void Record(string instrument, double value)
    {
        lock (_samples)
        {
            if (_recording) _samples[instrument].Add(value);
        }
    }

    private bool IsOurs(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
            if (tag.Key == "grain" && (string?)tag.Value == _grainType) return true;
        return false;
    }
}

internal sealed record GrainLatencies(Distribution Apply, Distribution Receive, Distribution Commit, Distribution BatchSize);

/// <summary>p50, p99 and max of a set of samples.</summary>
internal readonly record struct Distribution(double P50, double P99, double Max, int Count)
{
    public static Distribution Of(IEnumerable<double> samples)
    {
        var sorted = samples.Order().ToArray();
        return sorted.Length == 0
            ? new Distribution(double.NaN, double.NaN, double.NaN, 0)
            : new Distribution(Percentiles.At(sorted, 0.50), Percentiles.At(sorted, 0.99), sorted[^1], sorted.Length);
    }

    public override string ToString() => $"p50 {P50:F1}, p99 {P99:F1}, max {Max:F1}";
}
