using Commerce.Actors.Runtime;
using Commerce.Events.Envelope;
using Commerce.Events.Operations;
using Commerce.Events.Topics;
using Commerce.Messaging.Consuming;
using Commerce.Messaging.Producing;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Commerce.Actors.Ingress;

/// <summary>
/// One assigned partition of an ingress: each batch is split by key and every key's records go to its grain in one
/// call, in offset order, all keys at once (bounded by the batch size). The batch is done, and its offsets may be
/// stored, only when every call returned: each grain stored what it applied. A record that cannot be read is
/// dead-lettered before the batch completes; records of types that are not the grain's input are passed over.
/// </summary>
internal sealed partial class IngressProcessor(
    IngressRoute route,
    string epoch,
    IGrainFactory grains,
    EventProducer producer,
    GrainMetrics metrics,
    TimeProvider clock,
    ILogger logger) : IPartitionProcessor
{
    public async Task ProcessAsync(IReadOnlyList<ConsumeResult<string, byte[]>> batch, CancellationToken ct)
    {
        var startedAt = clock.GetUtcNow();
        var callsStarted = clock.GetTimestamp();
        // Every record before this batch completed (the first batch of an assignment starts at the committed offset).
        var floor = batch[0].Offset.Value - 1;
        var partition = batch[0].Partition.Value;
        var byKey = new Dictionary<string, List<IngressRecord>>(StringComparer.Ordinal);
        foreach (var record in batch)
        {
            EventEnvelope envelope;
            try
            {
                envelope = EnvelopeSerializer.Deserialize(record.Message.Value);
            }
            catch (InvalidEventException ex)
            {
                await DeadLetterAsync(record, ex.Message, ct);
                continue;
            }
            if (!route.Accepts(envelope.Payload))
                continue;
            var key = record.Message.Key ?? envelope.Key;
            if (!byKey.TryGetValue(key, out var records))
                byKey[key] = records = [];
            records.Add(new IngressRecord(record.Offset.Value, envelope));
        }
        if (byKey.Count == 0)
            return;
        var calls = new List<Task>(byKey.Count);
        foreach (var (key, records) in byKey)
            calls.Add(route.Grain(grains, key).ApplyAsync(new IngressBatch(route.Topic.Name, partition, epoch, floor, records)));
        await Task.WhenAll(calls);

        var appliedAt = clock.GetUtcNow();
        var tag = new KeyValuePair<string, object?>("grain", route.GrainType);
        metrics.Applied.Add(byKey.Sum(k => k.Value.Count), tag);
        metrics.BatchSize.Record(batch.Count, tag);
        metrics.CommitDuration.Record(clock.GetElapsedTime(callsStarted).TotalMilliseconds, tag);
        foreach (var record in batch)
        {
            var producedAt = record.Message.Timestamp.UtcDateTime;
            metrics.ReceiveLatency.Record((startedAt - producedAt).TotalMilliseconds, tag);
            metrics.ApplyLatency.Record((appliedAt - producedAt).TotalMilliseconds, tag);
        }
    }

    private async Task DeadLetterAsync(ConsumeResult<string, byte[]> record, string error, CancellationToken ct)
    {
        LogUnreadable(route.GrainType, record.Topic, record.Partition.Value, record.Offset.Value, error);
        var key = record.Message.Key ?? "";
        var payload = new DeadLettered(record.Topic, record.Partition.Value, record.Offset.Value, $"ingress.{route.GrainType}",
            error, 1, Convert.ToBase64String(record.Message.Value ?? []));
        await producer.PublishAsync(TopicCatalog.DeadLetters, key, payload, ct: ct);
        metrics.DeadLettered.Add(1, new KeyValuePair<string, object?>("grain", route.GrainType));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [LoggerMessage(Level = LogLevel.Error, Message = "{GrainType}: record {Topic}[{Partition}]@{Offset} is not an event ({Error}); dead-lettered")]
    private partial void LogUnreadable(string grainType, string topic, int partition, long offset, string error);
}
