using System.Diagnostics;
using Commerce.Actors.PlayerSession;
using Commerce.Actors.Runtime;
using Commerce.Actors.Storage;
using Commerce.Events.Envelope;
using Commerce.Events.Player;
using Commerce.Events.Topics;
using Confluent.Kafka;
using Microsoft.Extensions.Logging.Abstractions;

namespace Commerce.Benchmarks.Grains;

/// <summary>
/// Where a grain batch spends its time, without Kafka: decode, apply, serialize and commit, each
/// measured on one thread. `./run bench grain-stages`.
/// </summary>
internal static class GrainStageBenchmark
{
    public static async Task<int> RunAsync()
    {
        const int n = 50_000;
        const int players = 10_000;
        var envelopes = Enumerable.Range(0, n).Select(i =>
        {
            var player = $"0xbench{i % players:d6}";
            return EnvelopeSerializer.Serialize(EventEnvelope.Create(player, new InterestShown(player, $"dragons:{i % 500}", 1.5, "bench"), DateTimeOffset.UtcNow));
        }).ToArray();

        Measure("decode envelope", n, () => { foreach (var e in envelopes) EnvelopeSerializer.Deserialize(e); });

        var directory = Directory.CreateTempSubdirectory("commerce-stages-").FullName;
        var store = new SqliteGrainStore($"Data Source={Path.Combine(directory, "s.db")}", TimeProvider.System);
        await store.InitializeAsync(CancellationToken.None);
        var partition = new TopicPartition(TopicCatalog.PlayerEvents.Name, 0);
        var factory = new GrainProcessorFactory(PlayerSessionGrain.Definition, "bench", "epoch", store, new OutboxSignal(),
            new GrainRuntimeOptions(), new GrainMetrics(), TimeProvider.System, NullLogger.Instance);
        var processor = (await factory.OpenAsync(partition, CancellationToken.None)).Processor;
        var records = envelopes.Select((e, i) => new ConsumeResult<string, byte[]>
        {
            TopicPartitionOffset = new TopicPartitionOffset(partition, i),
            Message = new Message<string, byte[]> { Key = $"0xbench{i % players:d6}", Value = e, Timestamp = new Timestamp(DateTime.UtcNow) },
        }).ToArray();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < n; i += 1000)
            await processor.ProcessAsync(records[i..(i + 1000)], CancellationToken.None);
        Console.WriteLine($"{"player-session batches of 1000 (all stages)",-45}: {clock.Elapsed.TotalMicroseconds / n,8:F1} µs/event");

        var sample = EnvelopeSerializer.Deserialize(envelopes[0]);
        var grain = new PlayerSessionGrain();
        ((IGrainActivation)grain).Activate("0xbench000000", null, 0);
        Measure("apply InterestShown (grain, emits 2)", n, () =>
        {
            for (var i = 0; i < n; i++)
            {
                if (i % 20 == 0) ((IGrainActivation)grain).Activate("0xbench000000", null, 0);
                ((IGrainActivation)grain).ReceiveAsync(new GrainContext("0xbench000000", DateTimeOffset.UtcNow, sample), sample).AsTask().Wait();
            }
        });
        Measure("serialize player state (~20 entries)", n, () => { for (var i = 0; i < n; i++) ((IGrainActivation)grain).SerializeState(); });

        await processor.DisposeAsync();
        await store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, true);
        return 0;
    }

    private static void Measure(string what, int n, Action action)
    {
        action();
        var clock = Stopwatch.StartNew();
        action();
        Console.WriteLine($"{what,-45}: {clock.Elapsed.TotalMicroseconds / n,8:F1} µs/event");
    }
}
