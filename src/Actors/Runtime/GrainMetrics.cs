using System.Diagnostics.Metrics;

namespace Commerce.Actors.Runtime;

/// <summary>The grain runtime's instruments (meter "Commerce.Grains").</summary>
public sealed class GrainMetrics : IDisposable
{
    public const string MeterName = "Commerce.Grains";

    private readonly Meter _meter = new(MeterName);

    public GrainMetrics()
    {
        Applied = _meter.CreateCounter<long>("commerce.grains.applied", description: "Messages applied to grains");
        DeadLettered = _meter.CreateCounter<long>("commerce.grains.dead_lettered", description: "Messages sent to the dead-letter topic");
        ApplyLatency = _meter.CreateHistogram<double>("commerce.grains.apply_latency", unit: "ms",
            description: "From the record's timestamp to the end of its batch: every grain it concerned stored its effects");
        ReceiveLatency = _meter.CreateHistogram<double>("commerce.grains.receive_latency", unit: "ms",
            description: "From the record's timestamp to the start of the batch that applies it (Kafka delivery and partition queueing)");
        CommitDuration = _meter.CreateHistogram<double>("commerce.grains.commit_duration", unit: "ms",
            description: "One ingress batch's grain calls, from the first call to the last answer (grain work, calls between grains, stores)");
        BatchSize = _meter.CreateHistogram<long>("commerce.grains.batch_size", unit: "{record}", description: "Records per applied batch");
    }

    public Counter<long> Applied { get; }

    public Counter<long> DeadLettered { get; }

    public Histogram<double> ApplyLatency { get; }

    public Histogram<double> ReceiveLatency { get; }

    public Histogram<double> CommitDuration { get; }

    public Histogram<long> BatchSize { get; }

    public void Dispose() => _meter.Dispose();
}
