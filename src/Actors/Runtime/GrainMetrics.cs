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
        Duplicates = _meter.CreateCounter<long>("commerce.grains.duplicates", description: "Redelivered messages skipped");
        ApplyLatency = _meter.CreateHistogram<double>("commerce.grains.apply_latency", unit: "ms",
            description: "From the record's timestamp to the commit of its effects");
        ReceiveLatency = _meter.CreateHistogram<double>("commerce.grains.receive_latency", unit: "ms",
            description: "From the record's timestamp to the start of the batch that applies it (Kafka delivery and partition queueing)");
        CommitDuration = _meter.CreateHistogram<double>("commerce.grains.commit_duration", unit: "ms",
            description: "One batch's store commit (state, cursor, outbox), queueing for the writer included");
        BatchSize = _meter.CreateHistogram<long>("commerce.grains.batch_size", unit: "{record}", description: "Records per applied batch");
        OffsetGaps = _meter.CreateCounter<long>("commerce.grains.offset_gaps", description: "Records the broker no longer had when their partition was read (lost to retention)");
        Activations = _meter.CreateUpDownCounter<long>("commerce.grains.activations", description: "Grains in memory");
    }

    public Counter<long> Applied { get; }

    public Counter<long> DeadLettered { get; }

    public Counter<long> Duplicates { get; }

    public Histogram<double> ApplyLatency { get; }

    public Histogram<double> ReceiveLatency { get; }

    public Histogram<double> CommitDuration { get; }

    public Histogram<long> BatchSize { get; }

    public Counter<long> OffsetGaps { get; }

    public UpDownCounter<long> Activations { get; }

    public void Dispose() => _meter.Dispose();
}
