using System.Security.Cryptography;
using System.Text;
using Commerce.Connectors.Ingestion.Storage;
using Commerce.Events.Operations;
using Commerce.Events.Topics;
using Commerce.Messaging.Producing;

namespace Commerce.Connectors.Ingestion;

/// <summary>
/// The end of a connector's pipeline: a batch of units is published to Kafka and recorded in the ledger. Records whose
/// event id the ledger already holds are skipped (a replay); refused inputs become <see cref="DeadLettered"/> records on
/// commerce.dead-letters with their reason. The ids are written as pending first, then produced (all at once, every
/// acknowledgement awaited), then recorded as published with the batch's last position per stream, in one transaction.
/// </summary>
public sealed class IngestionPublisher(EventProducer producer, PublishLedger ledger, IngestionCounters counters)
{
    public PublishLedger Ledger => ledger;

    public async Task<int> PublishAsync(IReadOnlyList<IngestUnit> units, CancellationToken ct)
    {
        var records = new List<IngestRecord>();
        var inBatch = new HashSet<Guid>();
        var positions = new Dictionary<string, StreamPosition>(StringComparer.Ordinal);
        foreach (var unit in units)
        {
            foreach (var record in unit.Records)
                Take(record);
            foreach (var rejected in unit.Rejected)
                Take(DeadLetter(rejected));
            if (unit.Position is { } position)
                positions[position.Stream] = position;
        }

        var ids = records.Select(r => r.EventId).ToArray();
        if (records.Count > 0)
        {
            await ledger.MarkPendingAsync(ids, ct);
            await BatchDelivery.ProduceAsync(producer, records, ct);
        }
        await ledger.CommitAsync(ids, positions.Values, ct);
        foreach (var record in records)
        {
            if (record.Payload is DeadLettered)
                counters.CountDeadLetter();
            else
                counters.CountPublished(record.Payload.GetType().Name);
        }
        counters.CountBatch();
        return records.Count;

        void Take(IngestRecord record)
        {
            if (ledger.WasPublished(record.EventId) || !inBatch.Add(record.EventId))
                counters.CountDuplicate();
            else
                records.Add(record);
        }
    }

    private IngestRecord DeadLetter(RejectedInput rejected)
    {
        var raw = Encoding.UTF8.GetBytes(rejected.Raw);
        var id = StableEventId.Of(ledger.Connector, "rejected", rejected.Reference, Convert.ToHexString(SHA256.HashData(raw)));
        var letter = new DeadLettered($"connector:{ledger.Connector}", -1, -1, $"connectors.{ledger.Connector}", rejected.Reason, 1, Convert.ToBase64String(raw));
        return new IngestRecord(id, TopicCatalog.DeadLetters, rejected.Reference, letter, DateTimeOffset.UtcNow, rejected.Reference);
    }
}
