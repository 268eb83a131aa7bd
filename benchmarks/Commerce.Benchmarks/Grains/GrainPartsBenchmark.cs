using System.Diagnostics;
using Commerce.Actors.Orders;
using Commerce.Actors.PlayerSession;
using Commerce.Actors.Storage;
using Commerce.Events.Envelope;
using Commerce.Events.Player;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Commerce.Benchmarks.Grains;

/// <summary>
/// The parts an interest is made of, each measured alone on the running platform of the grains benchmark: one Orleans
/// call to an active grain that writes nothing, one grain write through the store's group commit, and one Kafka record
/// into one grain with one write (ingress -> player, loyalty updates). An interest needs one record in, two calls and
/// two writes (the player's and the item's), so these parts give the floor under its cost on this machine.
/// </summary>
internal static class GrainPartsBenchmark
{
    private const int Concurrency = 64;
    private static int _round;

    /// <param name="writeParts">Also measures a grain write without its journal, without its outbox and without both.</param>
    public static async Task<PartCosts> RunAsync(IHost host, IProducer<string, byte[]> producer, LatencyRecorder recorder, int players, bool writeParts)
    {
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var store = host.Services.GetRequiredService<IGrainStore>();
        var call = await MeasureCallsAsync(grains, 200_000);
        var write = await MeasureWritesAsync(store, 60_000, journal: true, outbox: true);
        if (writeParts)
        {
            Console.WriteLine($"  grain write, state only                     : {await MeasureWritesAsync(store, 60_000, journal: false, outbox: false):F1} µs/write");
            Console.WriteLine($"  grain write, state + outbox record          : {await MeasureWritesAsync(store, 60_000, journal: false, outbox: true):F1} µs/write");
            Console.WriteLine($"  grain write, state + journal entry          : {await MeasureWritesAsync(store, 60_000, journal: true, outbox: false):F1} µs/write");
        }
        var ingress = await MeasureIngressAsync(producer, recorder, players, 30_000);
        return new PartCosts(call, write, ingress);
    }

    /// <summary>Calls answered from memory: 64 callers over 256 active order grains (none exists, nothing is written).</summary>
    private static async Task<double> MeasureCallsAsync(IGrainFactory grains, int calls)
    {
        var targets = Enumerable.Range(0, 256).Select(i => grains.GetGrain<IOrderGrain>($"bench-call-{i}")).ToArray();
        await Task.WhenAll(targets.Select(t => t.GetStateAsync())); // activated (each read its missing row once)
        return await CpuPerOperationAsync(calls, async (caller, count) =>
        {
            for (var i = 0; i < count; i++)
                await targets[(caller * 7 + i) % targets.Length].GetStateAsync();
        });
    }

    /// <summary>
    /// Writes shaped like a player's after an interest (its state JSON, origins, one journal entry and one outbox record),
    /// 64 writers at once through the store's group commit, each on keys of its own.
    /// </summary>
    private static async Task<double> MeasureWritesAsync(IGrainStore store, int writes, bool journal, bool outbox)
    {
        var state = System.Text.Json.JsonSerializer.Serialize(PlayerSessionState.New("0xbench-write") with
        {
            Interests = [new ItemInterest("dragons:1", 3, 4.5, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow)],
            InterestCount = 3,
            LastSeenAt = DateTimeOffset.UtcNow,
        });
        const string origins = """{"origins":{"commerce.player-events/3":{"epoch":"bench","floor":1200,"above":[1201,1205]}},"reminders":{}}""";
        var push = EnvelopeSerializer.Serialize(EventEnvelope.Create("0xbench-write", new InterestShown("0xbench-write", "dragons:1", 1.5, "bench"), DateTimeOffset.UtcNow));
        const int keysPerWriter = 16;
        var versions = new long[Concurrency * keysPerWriter];
        var type = $"bench-write-{Interlocked.Increment(ref _round)}";
        return await CpuPerOperationAsync(writes, async (writer, count) =>
        {
            for (var i = 0; i < count; i++)
            {
                var slot = writer * keysPerWriter + i % keysPerWriter;
                var key = $"0xbench-write-{slot}";
                JournalEntry[] entries = journal ? [new JournalEntry(key, versions[slot] + 1, "InterestRecorded", """{"itemId":"dragons:1"}""", DateTimeOffset.UtcNow)] : [];
                OutboxWrite[] records = outbox ? [new OutboxWrite("commerce.player-pushes", key, push)] : [];
                versions[slot] = await store.WriteGrainAsync(new GrainWrite(type, key, versions[slot], state, origins,
                    records, [], entries, PlayerSessionState.MaxPushes), CancellationToken.None);
            }
        });
    }

    /// <summary>Loyalty updates through the player ingress: one record in, one call, one write each (no push, no call on).</summary>
    private static async Task<double> MeasureIngressAsync(IProducer<string, byte[]> producer, LatencyRecorder recorder, int players, int events)
    {
        var records = Enumerable.Range(0, events).Select(i =>
        {
            var player = $"0xbench{i % players:d6}";
            return (player, EnvelopeSerializer.Serialize(EventEnvelope.Create(player, new LoyaltyUpdated(player, i % 2 == 0 ? "gold" : "silver", i), DateTimeOffset.UtcNow)));
        }).ToArray();
        var before = recorder.Applied;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        foreach (var (key, value) in records)
            GrainPipelineBenchmark.Produce(producer, key, value);
        producer.Flush(TimeSpan.FromMinutes(1));
        await GrainPipelineBenchmark.WaitAsync(() => recorder.Applied >= before + events, TimeSpan.FromMinutes(5), "the loyalty updates to be applied");
        return (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / events;
    }

    /// <summary>Process CPU time per operation while <see cref="Concurrency"/> callers run <paramref name="total"/> operations.</summary>
    private static async Task<double> CpuPerOperationAsync(int total, Func<int, int, Task> run)
    {
        var each = total / Concurrency;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(caller => Task.Run(() => run(caller, each))));
        return (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / (each * Concurrency);
    }
}

/// <summary>CPU-µs of each part: an Orleans call, a grain write, a Kafka record applied by one grain with one write.</summary>
internal sealed record PartCosts(double Call, double Write, double IngressOneWrite)
{
    /// <summary>
    /// The least an interest can cost built from these parts: its record through the ingress into the player with the
    /// player's write, plus the call to the item and the item's write.
    /// </summary>
    public double InterestFloor => IngressOneWrite + Call + Write;
}
