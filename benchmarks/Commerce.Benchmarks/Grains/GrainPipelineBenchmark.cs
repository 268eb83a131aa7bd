using System.Diagnostics;
using Commerce.Actors.Ingress;
using Commerce.Actors.NftItem;
using Commerce.Actors.PlayerSession;
using Commerce.Actors.Runtime;
using Commerce.Events.Envelope;
using Commerce.Events.Player;
using Commerce.Events.Topics;
using Commerce.Messaging.Embedded;
using Confluent.Kafka;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Commerce.Benchmarks.Grains;

/// <summary>
/// Interest events through the embedded Kafka into grains (SQLite store), next to a raw
/// Confluent.Kafka produce-and-consume of the same records through the same broker, in one run.
/// </summary>
internal static class GrainPipelineBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        // The embedded broker keeps at most 5 MiB per partition: a larger backlog would be trimmed before it is read.
        var events = IntArg(args, "--events", 60_000);
        var players = IntArg(args, "--players", 10_000);
        var steadyRate = IntArg(args, "--rate", 5_000);
        var steadySeconds = IntArg(args, "--seconds", 10);
        var grainWarmup = IntArg(args, "--warmup", 40_000);
        using var sampler = args.Contains("--alloc") ? new AllocationSampler() : null;

        Console.WriteLine($"Grain pipeline benchmark: {events:N0} events over {players:N0} players after {grainWarmup:N0} warm-up events; steady phase {steadyRate:N0}/s for {steadySeconds} s");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        using var cluster = EmbeddedKafkaCluster.Start(3, TopicCatalog.All);
        cluster.CreateTopic("bench.raw", TopicCatalog.PlayerEvents.Partitions);
        var records = Enumerable.Range(0, events).Select(i => Record(i, players)).ToArray();
        // Both sides are warmed up first (JIT tiering, connections, caches), as a server would be.
        var warmup = Math.Min(10_000, events);
        cluster.CreateTopic("bench.raw-warmup", TopicCatalog.PlayerEvents.Partitions);
        RawProduceAndConsume(cluster.BootstrapServers, "bench.raw-warmup", records[..warmup]);

        var cpu = CpuTime();
        var raw = RawProduceAndConsume(cluster.BootstrapServers, "bench.raw", records);
        var rawCpu = (CpuTime() - cpu).TotalMicroseconds / events;
        Console.WriteLine($"raw Confluent.Kafka produce+consume : {raw:N0} events/s, {rawCpu:F1} CPU-µs/event");
        cluster.CreateTopic("bench.raw-steady", TopicCatalog.PlayerEvents.Partitions);
        var rawLatency = RawSteadyLatency(cluster.BootstrapServers, "bench.raw-steady", steadyRate, steadySeconds, players);
        Console.WriteLine($"raw delivery latency at {steadyRate:N0}/s  : {rawLatency} ms (timestamp -> consumed)");

        var directory = Directory.CreateTempSubdirectory("commerce-bench-").FullName;
        // The ingress counts a record applied when its batch ended: the player grains and, by their calls, the item grains
        // stored it (ingress -> player session -> item, durable, exactly once).
        using var recorder = new LatencyRecorder(PlayerSessionGrain.TypeName);
        var databasePath = Path.Combine(directory, "grains.db");
        var host = await StartRuntimeAsync(cluster.BootstrapServers, databasePath);
        try
        {
            using var producer = RawProducer(cluster.BootstrapServers);
            // In rounds of 10,000, each applied before the next, so the backlog stays far inside the broker's bounded log;
            // long enough for the tiered JIT to finish with the hot paths, as in a server that has run for a while.
            for (var round = 0; round < grainWarmup; round += 10_000)
            {
                for (var i = round; i < Math.Min(grainWarmup, round + 10_000); i++)
                {
                    var (key, value) = Record(events + i, players);
                    Produce(producer, key, value);
                }
                producer.Flush(TimeSpan.FromMinutes(1));
                var target = Math.Min(grainWarmup, round + 10_000);
                await WaitAsync(() => recorder.Applied >= target, TimeSpan.FromMinutes(5), "the warm-up events to be applied");
            }
            var appliedBefore = recorder.Applied;
            var clock = Stopwatch.StartNew();
            cpu = CpuTime();
            var allocated = GC.GetTotalAllocatedBytes();
            sampler?.Start();
            foreach (var (key, value) in records)
                Produce(producer, key, value);
            producer.Flush(TimeSpan.FromMinutes(1));
            await WaitAsync(() => recorder.Applied >= appliedBefore + events, TimeSpan.FromMinutes(5), "the ingress to apply every event (player and item grains stored)");
            var grainRate = events / clock.Elapsed.TotalSeconds;
            var grainCpu = (CpuTime() - cpu).TotalMicroseconds / events;
            var grainAllocated = (GC.GetTotalAllocatedBytes() - allocated) / 1024.0 / events;
            var sample = sampler?.Stop(top: 25);
            Console.WriteLine($"grains (ingress -> player -> item)  : {grainRate:N0} events/s = {grainRate / raw:P0} of raw, {grainCpu:F1} CPU-µs/event ({grainCpu / rawCpu:F1}x raw), {grainAllocated:F1} KiB allocated/event");
            if (sample is not null)
                AllocationSampler.Print(sample, events);

            // Steady load: paced production, latency from the record's timestamp to the commit of its effects.
            var baseline = recorder.Applied;
            recorder.StartRecording();
            var gcBefore = GcSnapshot.Take();
            var total = steadyRate * steadySeconds;
            var pace = new SteadyPacer(steadyRate);
            for (var i = 0; i < total; i++)
            {
                pace.WaitFor(i);
                var (key, value) = Record(events + grainWarmup + i, players);
                Produce(producer, key, value);
            }
            producer.Flush(TimeSpan.FromMinutes(1));
            await WaitAsync(() => recorder.Applied >= baseline + total, TimeSpan.FromMinutes(2), "the steady phase to be applied");
            var steady = recorder.StopRecording();
            var gc = GcSnapshot.Take() - gcBefore;
            Console.WriteLine($"apply latency at {steadyRate:N0}/s         : {steady.Apply} ms ({steady.Apply.Count:N0} samples); p99 {steady.Apply.P99 / rawLatency.P99:F1}x raw delivery");
            Console.WriteLine($"  timestamp -> batch started     : {steady.Receive} ms");
            Console.WriteLine($"  batch's grain calls (stored)   : {steady.Commit} ms over {steady.Commit.Count:N0} batches, batch size {steady.BatchSize}");
            Console.WriteLine($"  garbage collections            : {gc}");
            var published = grainWarmup + events + total;
            var (playerCounts, interests) = await CountAsync(databasePath);
            Console.WriteLine($"exactly once                     : {published:N0} interests published, {interests:N0} counted by the items, {playerCounts:N0} by the players ({(interests == published && playerCounts == published ? "each once" : "NOT each once")})");
            var parts = await GrainPartsBenchmark.RunAsync(host, producer, recorder, players, args.Contains("--write-parts"));
            Console.WriteLine($"parts, each alone on the same platform (CPU-µs of the whole process):");
            Console.WriteLine($"  Orleans call to an active grain, no write   : {parts.Call:F1} µs/call");
            Console.WriteLine($"  grain write, group commit (player-shaped)   : {parts.Write:F1} µs/write");
            Console.WriteLine($"  record -> ingress -> player, one write       : {parts.IngressOneWrite:F1} µs/event (loyalty updates)");
            Console.WriteLine($"  interest floor (that + a call + a write)     : {parts.InterestFloor:F1} µs/event = at most {Environment.ProcessorCount * 1e6 / parts.InterestFloor:N0} events/s on {Environment.ProcessorCount} cores; measured {grainCpu:F1} µs");
            var pass = grainRate >= 30_000 && steady.Apply.P99 <= 50 && interests == published && playerCounts == published;
            Console.WriteLine($"goals (>= 30,000/s, p99 <= 50 ms at {steadyRate:N0}/s, exactly once): {(pass ? "met" : "NOT met")}");
            return 0;
        }
        finally
        {
            await host.StopAsync();
            host.Dispose();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>The interests the stored player and item states count, read from the database (what a crash would leave).</summary>
    private static async Task<(long Players, long Items)> CountAsync(string databasePath)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT
              (SELECT COALESCE(SUM(json_extract(json, '$.interestCount')), 0) FROM grain_state WHERE grain_type = 'player-session'),
              (SELECT COALESCE(SUM(json_extract(json, '$.interestTotal')), 0) FROM grain_state WHERE grain_type = 'nft-item')
            """;
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static TimeSpan CpuTime() => Process.GetCurrentProcess().TotalProcessorTime;

    /// <summary>The producer every side of the benchmark uses: idempotent, 2 ms linger (as the platform's).</summary>
    private static IProducer<string, byte[]> RawProducer(string bootstrap) =>
        new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = bootstrap, EnableIdempotence = true, LingerMs = 2 }).Build();

    /// <summary>A plain group member on <paramref name="topic"/>, returned once it holds its partitions.</summary>
    private static IConsumer<string, byte[]> RawConsumer(string bootstrap, string topic, string groupId)
    {
        var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrap,
            GroupId = groupId,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoOffsetStore = false,
            PartitionAssignmentStrategy = PartitionAssignmentStrategy.CooperativeSticky,
            FetchWaitMaxMs = 100,
        }).Build();
        consumer.Subscribe(topic);
        while (consumer.Assignment.Count == 0)
            consumer.Consume(TimeSpan.FromMilliseconds(50));
        return consumer;
    }

    private static double RawProduceAndConsume(string bootstrap, string topic, (string Key, byte[] Value)[] records)
    {
        using var producer = RawProducer(bootstrap);
        using var consumer = RawConsumer(bootstrap, topic, "bench.raw");
        var clock = Stopwatch.StartNew();
        foreach (var (key, value) in records)
            Produce(producer, key, value, topic);
        producer.Flush(TimeSpan.FromMinutes(1));
        var consumed = 0;
        while (consumed < records.Length)
        {
            var record = consumer.Consume(TimeSpan.FromSeconds(10)) ?? throw new TimeoutException($"raw consumer stalled at {consumed}");
            consumer.StoreOffset(record);
            consumed++;
        }
        var rate = records.Length / clock.Elapsed.TotalSeconds;
        consumer.Close();
        return rate;
    }

    /// <summary>
    /// The same paced load through the same broker to a consumer that does nothing but note the delivery latency:
    /// the floor under the grains' apply latency.
    /// </summary>
    private static Distribution RawSteadyLatency(string bootstrap, string topic, int rate, int seconds, int players)
    {
        using var producer = RawProducer(bootstrap);
        using var consumer = RawConsumer(bootstrap, topic, "bench.raw-steady");
        var total = rate * seconds;
        var latencies = new List<double>(total);
        var reader = Task.Factory.StartNew(() =>
        {
            while (latencies.Count < total)
            {
                var record = consumer.Consume(TimeSpan.FromSeconds(10)) ?? throw new TimeoutException($"raw consumer stalled at {latencies.Count}");
                latencies.Add((DateTime.UtcNow - record.Message.Timestamp.UtcDateTime).TotalMilliseconds);
            }
        }, TaskCreationOptions.LongRunning);
        var pace = new SteadyPacer(rate);
        for (var i = 0; i < total; i++)
        {
            pace.WaitFor(i);
            var (key, value) = Record(i, players);
            Produce(producer, key, value, topic);
        }
        producer.Flush(TimeSpan.FromMinutes(1));
        reader.GetAwaiter().GetResult();
        consumer.Close();
        return Distribution.Of(latencies);
    }

    internal static void Produce(IProducer<string, byte[]> producer, string key, byte[] value, string? topic = null)
    {
        while (true)
        {
            try
            {
                producer.Produce(topic ?? TopicCatalog.PlayerEvents.Name, new Message<string, byte[]> { Key = key, Value = value });
                return;
            }
            catch (ProduceException<string, byte[]> ex) when (ex.Error.Code == Confluent.Kafka.ErrorCode.Local_QueueFull)
            {
                producer.Poll(TimeSpan.FromMilliseconds(10));
            }
        }
    }

    private static (string Key, byte[] Value) Record(int i, int players)
    {
        var player = $"0xbench{i % players:d6}";
        var envelope = EventEnvelope.Create(player, new InterestShown(player, $"dragons:{i % 500}", 1.5, "bench"), DateTimeOffset.UtcNow);
        return (player, EnvelopeSerializer.Serialize(envelope));
    }

    private static async Task<IHost> StartRuntimeAsync(string bootstrap, string databasePath)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kafka:BootstrapServers"] = bootstrap,
            ["Store:Provider"] = "sqlite",
            ["Store:ConnectionString"] = $"Data Source={databasePath}",
        });
        builder.Logging.ClearProviders().AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.AddGrainPlatform();
        var host = builder.Build();
        await host.StartAsync();
        var ingresses = host.Services.GetServices<IHostedService>().OfType<KafkaIngress>().ToList();
        await WaitAsync(() => ingresses.All(i => i.AssignedPartitions == i.Route.Topic.Partitions), TimeSpan.FromMinutes(1), "ingress partitions to be assigned");
        return host;
    }

    internal static Task WaitAsync(Func<bool> condition, TimeSpan timeout, string what) =>
        Deadline.UntilAsync(condition, timeout, what, TimeSpan.FromMilliseconds(5));

    private static int IntArg(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
    }
}
