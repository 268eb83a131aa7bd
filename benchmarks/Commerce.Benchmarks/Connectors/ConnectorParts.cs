using System.Diagnostics;
using Akka.Streams;
using Akka.Streams.Dsl;
using Commerce.Connectors.Crm.Sources;
using Commerce.Connectors.Ingestion;
using Commerce.Connectors.Ingestion.Storage;
using Commerce.Connectors.MarketplaceMonitoring.Sources;
using Commerce.Events.Envelope;
using Commerce.Events.Player;
using Commerce.Events.Topics;
using Commerce.Messaging.Configuration;
using Commerce.Messaging.Producing;
using Microsoft.Extensions.DependencyInjection;

namespace Commerce.Benchmarks.Connectors;

/// <summary>
/// What each step of a connector costs alone (`--parts`), so the end-to-end figure can be read against its floor:
/// a source's reads (HTTP from the local server, JSON, mapping, event ids), the publish ledger on SQLite, the
/// acknowledged produce of the records, and the Akka.Streams stages with nothing in them. Each part prints its rate
/// and the process CPU time it took per event (which, unlike the rate, does not depend on how busy the machine is).
/// </summary>
public static class ConnectorParts
{
    public static async Task RunAsync(KafkaConnection kafka, string directory, int count, int batchSize)
    {
        var records = Records(count);
        await Measure("ledger (pending, then published + positions) ", count, () => LedgerAsync(directory, records, batchSize));
        using (var producer = new EventProducer(kafka))
        {
            await Measure("produce, a task per record (ProduceAsync)    ", count, () => ProduceEachAsync(producer, records, batchSize));
            await Measure("produce, a batch's callbacks (BatchDelivery) ", count, () => ProduceBatchesAsync(producer, records, batchSize));
        }
        await Measure("akka stages (merge, batch, publish no-op)    ", count, () => AkkaAsync(records, batchSize));
    }

    /// <summary>A source read alone: its pages are counted, nothing is published.</summary>
    public static async Task SourceAsync(string name, IIngestSource source, IReadOnlyDictionary<string, string> positions, int count)
    {
        await Measure(name, count, async () =>
        {
            var seen = 0;
            using var stop = new CancellationTokenSource();
            await foreach (var page in source.ReadAsync(positions, stop.Token))
            {
                foreach (var unit in page.Units)
                    seen += unit.Records.Count;
                if (seen >= count)
                    break;
            }
        });
    }

    public static async Task Measure(string name, int count, Func<Task> run)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await run();
        var elapsed = clock.Elapsed;
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine($"  part: {name}: {count / elapsed.TotalSeconds,10:N0} events/s, {used.TotalMicroseconds / count,6:N1} CPU-µs/event");
    }

    private static IngestRecord[] Records(int count)
    {
        var now = DateTimeOffset.UtcNow;
        return Enumerable.Range(0, count).Select(i =>
        {
            var wallet = "0x" + (i % 5_000).ToString("x40");
            return new IngestRecord(StableEventId.Of("bench", i.ToString()), TopicCatalog.PlayerEvents, wallet, new LoyaltyUpdated(wallet, "Gold", i), now, $"crm/{i}");
        }).ToArray();
    }

    private static async Task LedgerAsync(string directory, IngestRecord[] records, int batchSize)
    {
        var ledger = new PublishLedger(new StandaloneConnectorDatabase(false, $"Data Source={Path.Combine(directory, "parts-ledger.db")}"), "parts", TimeProvider.System, PublishLedgerOptions.Default);
        await ledger.LoadAsync(CancellationToken.None);
        var n = 0;
        foreach (var batch in records.Chunk(batchSize))
        {
            var ids = batch.Select(r => r.EventId).ToArray();
            await ledger.MarkPendingAsync(ids, CancellationToken.None);
            await ledger.CommitAsync(ids, [new StreamPosition("cdc", (++n).ToString())], CancellationToken.None);
        }
    }

    private static async Task ProduceEachAsync(EventProducer producer, IngestRecord[] records, int batchSize)
    {
        foreach (var batch in records.Chunk(batchSize))
            await Task.WhenAll(batch.Select(r => producer.PublishAsync(r.Topic, EventEnvelope.Create(r.Key, r.Payload, r.OccurredAt, r.CorrelationId, r.EventId))));
    }

    private static async Task ProduceBatchesAsync(EventProducer producer, IngestRecord[] records, int batchSize)
    {
        foreach (var batch in records.Chunk(batchSize))
            await BatchDelivery.ProduceAsync(producer, batch, CancellationToken.None);
    }

    private static async Task AkkaAsync(IngestRecord[] records, int batchSize)
    {
        var pages = records.Chunk(200).Select(c => new IngestPage(c.Select(r => IngestUnit.Of(r)).ToArray())).ToArray();
        await using var actors = new ConnectorActorSystem();
        var materializer = actors.System.Materializer();
        var seen = 0;
        await Source.From(pages)
            .Throttle(100_000, TimeSpan.FromSeconds(1), 1_000, ThrottleMode.Shaping)
            .Merge(Source.Empty<IngestPage>())
            .SelectMany(p => p.Units)
            .GroupedWithin(batchSize, TimeSpan.FromMilliseconds(50))
            .SelectAsync(1, batch => Task.FromResult(seen += batch.Count()))
            .RunWith(Sink.Ignore<int>(), materializer);
    }
}
