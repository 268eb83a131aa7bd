using System.Diagnostics.Metrics;
using Commerce.Actors.Runtime;

namespace Commerce.Benchmarks.Grains;

/// <summary>Listens to the grain runtime's meter: applied counts and apply latencies of one grain type.</summary>
internal sealed class LatencyRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly string _grainType;
    private readonly List<double> _latencies = [];
    private long _applied;
    private bool _recording;

    public LatencyRecorder(string grainType)
    {
        _grainType = grainType;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == GrainMetrics.MeterName && instrument.Name is "commerce.grains.applied" or "commerce.grains.apply_latency")
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (IsOurs(tags)) Interlocked.Add(ref _applied, value);
        });
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            if (_recording && IsOurs(tags)) lock (_latencies) _latencies.Add(value);
        });
        _listener.Start();
    }

    public long Applied => Interlocked.Read(ref _applied);

    public void StartRecording()
    {
        lock (_latencies) _latencies.Clear();
        _recording = true;
    }

    public (double P50, double P99, double Max, int Count) StopRecording()
    {
        _recording = false;
        lock (_latencies)
        {
            if (_latencies.Count == 0) return (double.NaN, double.NaN, double.NaN, 0);
            var sorted = _latencies.Order().ToArray();
            return (Percentile(sorted, 0.50), Percentile(sorted, 0.99), sorted[^1], sorted.Length);
        }
    }

    public void Dispose() => _listener.Dispose();

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private bool IsOurs(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
            if (tag.Key == "grain" && (string?)tag.Value == _grainType) return true;
        return false;
    }
}
