using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Commerce.Actors.Runtime;

namespace Commerce.Actors.Tests.Harness;

/// <summary>
/// Counts the records the ingress handed to grains (the commerce.grains.applied counter, redeliveries included), per
/// platform and grain type: tests run side by side, so each platform's own counter is told apart from the others'.
/// Start it before the platform whose records it counts.
/// </summary>
public sealed class AppliedRecords : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(Instrument, string), long> _counts = new();

    public AppliedRecords()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == GrainMetrics.MeterName && instrument.Name == "commerce.grains.applied")
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var grain = "";
            foreach (var tag in tags)
            {
                if (tag.Key == "grain")
                    grain = tag.Value as string ?? "";
            }
            _counts.AddOrUpdate((instrument, grain), value, (_, sum) => sum + value);
        });
        _listener.Start();
    }

    /// <summary>Records of <paramref name="grainType"/> handed to grains by the platform that owns <paramref name="metrics"/>.</summary>
    public long Of(GrainMetrics metrics, string grainType) =>
        _counts.TryGetValue((metrics.Applied, grainType), out var count) ? count : 0;

    public void Dispose() => _listener.Dispose();
}
