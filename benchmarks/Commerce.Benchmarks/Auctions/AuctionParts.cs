using System.Diagnostics;
using System.Text.Json;
using Commerce.Actors.Auctions;
using Commerce.Actors.NftItem;
using Commerce.Actors.Serialization;
using Commerce.Actors.Storage;
using Commerce.Events.Auctions;
using Commerce.Events.Envelope;
using Commerce.Events.Topics;
using Commerce.Messaging.Configuration;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Commerce.Benchmarks.Auctions;

/// <summary>
/// The parts a bid is made of, each measured alone on the running platform after the throughput phase (so the item
/// states are the size the bids made them): the rules with the answer's envelope, the item state's JSON (its size and
/// the serialization), the BidAccepted record's envelope, the grain write of such a state with and without its outbox
/// row (with the row: until the relay published it to Kafka), and the raw Kafka produce of the same record.
/// </summary>
internal static class AuctionParts
{
    private const int Writers = 64;
    private static int _round;

    public static async Task RunAsync(IHost host, string busiestItem, double callMicros, double bidMicros, double acceptedShare)
    {
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var store = host.Services.GetRequiredService<IGrainStore>();
        var stored = await store.LoadStateAsync(NftItemGrain.TypeName, busiestItem, CancellationToken.None)
            ?? throw new InvalidOperationException($"{busiestItem} has no stored state");
        var state = JsonSerializer.Deserialize(stored.Json, GrainJsonContext.Default.NftItemState)!;
        var auction = await grains.GetGrain<INftItemGrain>(busiestItem).GetAuctionAsync()
            ?? throw new InvalidOperationException($"{busiestItem} has no auction");
        var now = DateTimeOffset.UtcNow;
        var minimum = AuctionRules.MinimumNext(auction);
        var journal = await store.ReadJournalAsync(NftItemGrain.TypeName, busiestItem, 0, CancellationToken.None);

        var refusedRules = Time(200_000, i =>
        {
            var decision = AuctionRules.Decide(busiestItem, auction, new BidSubmitted(busiestItem, $"p{i}", "0xbench-low", minimum * 0.99m, "ETH", "bench"), now);
            _ = EventEnvelope.Create("0xbench-low", decision.Refused!, now, "c");
        });
        var acceptedRules = Time(200_000, i =>
        {
            var decision = AuctionRules.Decide(busiestItem, auction, new BidSubmitted(busiestItem, $"p{i}", "0xbench-new", minimum, "ETH", "bench"), now);
            _ = EventEnvelope.Create("0xbench-new", decision.Accepted!, now, "c");
        });
        var accepted = AuctionRules.Decide(busiestItem, auction, new BidSubmitted(busiestItem, "p0", "0xbench-new", minimum, "ETH", "bench"), now).Accepted!;
        var record = EnvelopeSerializer.Serialize(EventEnvelope.Create(busiestItem, accepted, now, "c"));
        var emit = Time(200_000, _ => EnvelopeSerializer.Serialize(EventEnvelope.Create(busiestItem, accepted, now, "c")));
        var stateJson = Time(50_000, _ => JsonSerializer.Serialize(state, GrainJsonContext.Default.NftItemState));
        var writeOnly = await WritesAsync(store, stored, 60_000, [], journal);
        var writeOutbox = await WritesAsync(store, stored, 60_000, [new OutboxWrite(TopicCatalog.AuctionEvents.Name, busiestItem, record)], journal);
        var produce = Produce(host.Services.GetRequiredService<KafkaConnection>(), busiestItem, record, 60_000);

        Console.WriteLine($"parts     (busiest item {busiestItem}: {auction.BidCount} bids; CPU-µs each; rules and JSON on one thread)");
        Console.WriteLine($"          item state row: {stored.Json.Length:N0} chars of JSON + {stored.Origins?.Length ?? 0:N0} of runtime record; {journal.Count} journal entries; BidAccepted record {record.Length:N0} bytes");
        Console.WriteLine($"          call (bare GetAuctionAsync, from the baseline)      {callMicros,7:F1}");
        Console.WriteLine($"          rules + answer envelope, refused                    {refusedRules,7:F1}");
        Console.WriteLine($"          rules + answer envelope, accepted                   {acceptedRules,7:F1}");
        Console.WriteLine($"          BidAccepted envelope -> JSON (the outbox record)    {emit,7:F1}");
        Console.WriteLine($"          item state -> JSON                                  {stateJson,7:F1}");
        Console.WriteLine($"          grain write of that row, no outbox (group commit)   {writeOnly,7:F1}");
        Console.WriteLine($"          ... + BidAccepted outbox row, relayed to Kafka      {writeOutbox,7:F1}");
        Console.WriteLine($"          raw Kafka produce of the record (for comparison)    {produce,7:F1}");
        var refusedFloor = callMicros + refusedRules;
        var acceptedFloor = callMicros + acceptedRules + emit + stateJson + writeOutbox;
        var floor = acceptedShare * acceptedFloor + (1 - acceptedShare) * refusedFloor;
        Console.WriteLine($"          floor: refused {refusedFloor:F1}, accepted {acceptedFloor:F1}; at this run's {100 * acceptedShare:F0} % accepted {floor:F1} CPU-µs/bid"
            + $" = at most {Environment.ProcessorCount * 1e6 / floor:N0} bids/s on {Environment.ProcessorCount} cores; measured {bidMicros:F1}");
    }

    /// <summary>Micro-seconds per run of <paramref name="body"/> on this thread (after a warm-up of a tenth).</summary>
    private static double Time(int runs, Action<int> body)
    {
        for (var i = 0; i < runs / 10; i++)
            body(i);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < runs; i++)
            body(i);
        return clock.Elapsed.TotalMicroseconds / runs;
    }

    /// <summary>
    /// Writes of the stored item row (its JSON, runtime record and journal entries as stored), <see cref="Writers"/> at
    /// once through the store's group commit on keys of their own; with outbox records, until the relay emptied the outbox.
    /// </summary>
    private static async Task<double> WritesAsync(IGrainStore store, StoredState row, int writes, OutboxWrite[] outbox, IReadOnlyList<JournalEntry> journal)
    {
        const int keysPerWriter = 16;
        var versions = new long[Writers * keysPerWriter];
        var type = $"bench-bid-write-{Interlocked.Increment(ref _round)}";
        var journalLength = Math.Max(journal.Count, 1);
        var each = writes / Writers;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < each; i++)
            {
                var slot = writer * keysPerWriter + i % keysPerWriter;
                var key = $"bench-bid-{slot}";
                JournalEntry[] entries = journal.Count == 0 ? [] : [journal[^1] with { Key = key, Seq = versions[slot] + 1 }];
                versions[slot] = await store.WriteGrainAsync(new GrainWrite(type, key, versions[slot], row.Json, row.Origins,
                    outbox, [], entries, journalLength), CancellationToken.None);
            }
        })));
        if (outbox.Length > 0)
            await Deadline.UntilAsync(() => store.CountOutboxAsync(CancellationToken.None).GetAwaiter().GetResult() == 0, TimeSpan.FromMinutes(5),
                "the outbox relayed", TimeSpan.FromMilliseconds(20));
        return (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / (each * Writers);
    }

    private static double Produce(KafkaConnection connection, string key, byte[] value, int records)
    {
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = connection.BootstrapServers, EnableIdempotence = true, LingerMs = 2 }).Build();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < records; i++)
        {
            while (true)
            {
                try
                {
                    producer.Produce(TopicCatalog.AuctionEvents.Name, new Message<string, byte[]> { Key = key, Value = value });
                    break;
                }
                catch (ProduceException<string, byte[]> ex) when (ex.Error.Code == Confluent.Kafka.ErrorCode.Local_QueueFull)
                {
                    producer.Poll(TimeSpan.FromMilliseconds(10));
                }
            }
        }
        producer.Flush(TimeSpan.FromMinutes(1));
        return (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / records;
    }
}
