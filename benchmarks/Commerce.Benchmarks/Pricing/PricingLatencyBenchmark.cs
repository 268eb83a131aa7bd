using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Commerce.Actors.Runtime;
using Commerce.Events.Envelope;
using Commerce.Events.Items;
using Commerce.Events.Player;
using Commerce.Events.Topics;
using Commerce.Messaging.Configuration;
using Commerce.Messaging.Producing;
using Commerce.Pricing.Live;
using Confluent.Kafka;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Commerce.Benchmarks.Pricing;

/// <summary>
/// ./run bench pricing [--rate N] [--seconds N] [--warmup N] [--players N]: the platform's back end embedded (Kafka,
/// SQLite, grains, live pricing; no HTTP: interests are produced straight to Kafka, pushes read from their topic),
/// InterestShown records produced at a steady rate. Latency is from the produce call of an interest that triggers an
/// offer to the moment that player's OfferMade push is read from the player-pushes topic (interest -> pricing ->
/// OfferMade -> session grain -> outbox -> push). Without --players each interest comes from a new player, so every one
/// asks for an offer (the worst case); with --players N the interests cycle over N players, and pricing's per-player
/// throttle (Pricing:MinOfferInterval of event time) decides which of them trigger an offer: the benchmark predicts
/// that from the same event times and measures exactly those, while every interest still loads grains and pricing.
/// Baseline in the same run: raw produce -> consume of the same number of records, same rate, same broker.
/// </summary>
internal static class PricingLatencyBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rate = IntArg(args, "--rate", 5_000);
        var seconds = IntArg(args, "--seconds", 10);
        var warmup = IntArg(args, "--warmup", 3);
        var players = IntArg(args, "--players", 0);
        var population = players > 0 ? $"{players:N0} players" : "a new player per interest";
        Console.WriteLine($"Pricing benchmark: interest -> OfferMade pushed, {rate:N0} interests/s from {population} for {seconds} s (after {warmup} s warm-up), embedded platform");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}");

        var directory = Directory.CreateTempSubdirectory("commerce-pricing-bench-").FullName;
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kafka:BootstrapServers"] = "",
            ["Store:Provider"] = "sqlite",
            ["Store:ConnectionString"] = $"Data Source={Path.Combine(directory, "commerce.db")}",
        });
        builder.Logging.ClearProviders().AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.AddGrainPlatform();
        builder.Services.AddLivePricing(builder.Configuration);
        var app = builder.Build();
        await app.StartAsync();
        try
        {
            var connection = app.Services.GetRequiredService<KafkaConnection>();
            var producer = app.Services.GetRequiredService<EventProducer>();
            foreach (var (tokenId, rarity, supply) in new[] { ("1", "legendary", 1), ("2", "legendary", 1), ("4", "epic", 10), ("5", "epic", 10), ("7", "rare", 100), ("8", "rare", 100), ("10", "common", 1000) })
                await producer.PublishAsync(TopicCatalog.ItemEvents, $"dragons:{tokenId}", new ItemListed($"dragons:{tokenId}", "dragons", tokenId, rarity, 1, supply, 0.1m, "ETH", null));
            var engine = app.Services.GetRequiredService<LivePricingEngine>();
            await WaitAsync(() => Task.FromResult(engine.EventsApplied >= 7), TimeSpan.FromMinutes(1), "the pricing service to read the catalog");
            connection.Embedded!.CreateTopic("bench.raw", TopicCatalog.PlayerEvents.Partitions);
            var bootstrap = connection.BootstrapServers;

            var idleFrom = Process.GetCurrentProcess().TotalProcessorTime;
            await Task.Delay(TimeSpan.FromSeconds(3));
            var idle = (Process.GetCurrentProcess().TotalProcessorTime - idleFrom).TotalSeconds / 3;
            Console.WriteLine($"platform idle (no load, 3 s)        : {idle:F2} cores busy");
            var load = new Load(rate, warmup, seconds, players);
            var raw = Measure(bootstrap, "bench.raw", "bench.raw", load with { Players = 0 }, isOffer: null, throttle: TimeSpan.Zero);
            Report("raw produce -> consume (baseline)", raw, rate, seconds);
            var throttle = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<LivePricingOptions>>().Value.MinOfferInterval;
            using var sampler = args.Contains("--alloc") ? new AllocationSampler() : null;
            var priced = Measure(bootstrap, TopicCatalog.PlayerEvents.Name, TopicCatalog.PlayerPushes.Name, load,
                isOffer: IsOfferPush, throttle, sampler);
            Report("interest -> OfferMade pushed", priced, rate, seconds);
            Console.WriteLine($"  CPU per interest (whole process)  : {priced.CpuMicroseconds:F0} µs and {priced.AllocatedKiB:F1} KiB allocated, raw {raw.CpuMicroseconds:F0} µs and {raw.AllocatedKiB:F1} KiB per record");
            var met = priced.P99 <= 50 && priced.Received == priced.Sent;
            Console.WriteLine($"goal (p99 <= 50 ms at {rate:N0}/s, every interest answered): {(met ? "met" : "NOT met")}");
            return 0;
        }
        finally
        {
            await app.StopAsync();
            app.Dispose();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>
    /// An OfferMade push, told from the other pushes by its kind without parsing the envelope: every interest's push
    /// passes through this reader, which shares the platform's process and cores.
    /// </summary>
    private static bool IsOfferPush(byte[] value) => value.AsSpan().IndexOf("\"kind\":\"OfferMade\""u8) >= 0;

    /// <param name="Players">0: a new player per interest.</param>
    private sealed record Load(int Rate, int WarmupSeconds, int Seconds, int Players);

    /// <param name="Sent">Answers expected in the measured phase (interests that trigger an offer).</param>
    /// <param name="CpuMicroseconds">The process's CPU time over the measured phase, per record produced in it.</param>
    private sealed record Result(int Sent, int Received, int Unexpected, double P50, double P99, double Max, double SecondsBehind, double CpuMicroseconds, double AllocatedKiB);

    /// <summary>
    /// Produces paced interests to <paramref name="inTopic"/>, reads <paramref name="outTopic"/> and matches answers by
    /// key: an interest is expected to be answered when its player had no answer predicted within
    /// <paramref name="throttle"/> of event time before it (always, for a zero throttle).
    /// </summary>
    private static Result Measure(string bootstrap, string inTopic, string outTopic, Load load, Func<byte[], bool>? isOffer, TimeSpan throttle, AllocationSampler? sampler = null)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var sentAt = new ConcurrentDictionary<string, (long Timestamp, bool Measured)>();
        var lastTrigger = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var latencies = new ConcurrentBag<double>();
        var warmupCount = load.Rate * load.WarmupSeconds;
        var total = warmupCount + load.Rate * load.Seconds;
        using var stop = new CancellationTokenSource();
        var received = 0;
        var answeredInWarmup = 0;
        var expected = 0;
        var expectedInWarmup = 0;
        var unexpected = 0;
        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrap,
            GroupId = $"bench-{run}",
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
            FetchWaitMaxMs = 100,
        }).Build();
        // The reader starts at each partition's current end, resolved here, so no record produced below can be missed.
        using (var metadata = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrap }).Build())
        {
            consumer.Assign(metadata.GetMetadata(outTopic, TimeSpan.FromSeconds(10)).Topics[0].Partitions
                .Select(p => new TopicPartition(outTopic, p.PartitionId))
                .Select(tp => new TopicPartitionOffset(tp, consumer.QueryWatermarkOffsets(tp, TimeSpan.FromSeconds(10)).High)));
        }
        var reader = Task.Factory.StartNew(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var record = consumer.Consume(TimeSpan.FromMilliseconds(50));
                if (record is null || (isOffer is not null && !isOffer(record.Message.Value)))
                    continue;
                if (!sentAt.TryRemove(record.Message.Key, out var start))
                    Interlocked.Increment(ref unexpected);
                else if (start.Measured)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(start.Timestamp).TotalMilliseconds);
                    Interlocked.Increment(ref received);
                }
                else
                    Interlocked.Increment(ref answeredInWarmup);
            }
        }, TaskCreationOptions.LongRunning);

        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = bootstrap, EnableIdempotence = true, LingerMs = 1 }).Build();
        string[] items = ["dragons:1", "dragons:2", "dragons:4", "dragons:5", "dragons:7", "dragons:8", "dragons:10"];
        var pace = new SteadyPacer(load.Rate);
        var cpuAtStart = TimeSpan.Zero;
        var allocatedAtStart = 0L;
        for (var i = 0; i < total; i++)
        {
            pace.WaitFor(i);
            if (i == warmupCount)
            {
                cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
                allocatedAtStart = GC.GetTotalAllocatedBytes();
                sampler?.Start();
            }
            var player = "0x" + run + (load.Players > 0 ? i % load.Players : i).ToString("x32", CultureInfo.InvariantCulture);
            var at = DateTimeOffset.UtcNow;
            var value = EnvelopeSerializer.Serialize(EventEnvelope.Create(player, new InterestShown(player, items[i % items.Length], 5, "bench"), at));
            var triggers = !lastTrigger.TryGetValue(player, out var last) || at - last >= throttle;
            if (triggers)
            {
                lastTrigger[player] = at;
                if (i < warmupCount)
                    expectedInWarmup++;
                else
                    expected++;
                sentAt[player] = (Stopwatch.GetTimestamp(), i >= warmupCount);
            }
            producer.Produce(inTopic, new Message<string, byte[]> { Key = player, Value = value });
        }

        var behind = pace.Elapsed.TotalSeconds - (double)(total - 1) / load.Rate;
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart).TotalMicroseconds / (total - warmupCount);
        var allocated = (GC.GetTotalAllocatedBytes() - allocatedAtStart) / 1024.0 / (total - warmupCount);
        if (sampler?.Stop(top: 30) is { } sample)
            AllocationSampler.Print(sample, total - warmupCount);
        producer.Flush(TimeSpan.FromMinutes(1));
        var deadline = Stopwatch.StartNew();
        while (Volatile.Read(ref received) < expected && deadline.Elapsed < TimeSpan.FromSeconds(60))
            Thread.Sleep(20);
        stop.Cancel();
        reader.Wait();
        var sorted = latencies.Order().ToArray();
        if (answeredInWarmup < expectedInWarmup / 2)
            Console.WriteLine($"  (only {answeredInWarmup:N0} of the {expectedInWarmup:N0} warm-up offers were answered)");
        return sorted.Length == 0
            ? new Result(expected, 0, unexpected, double.NaN, double.NaN, double.NaN, behind, cpu, allocated)
            : new Result(expected, received, unexpected, Percentiles.At(sorted, 0.5), Percentiles.At(sorted, 0.99), sorted[^1], behind, cpu, allocated);
    }

    private static void Report(string what, Result r, int rate, int seconds) =>
        Console.WriteLine($"{what,-36}: p50 {r.P50,6:F1} ms, p99 {r.P99,7:F1} ms, max {r.Max,7:F1} ms; {r.Received:N0}/{r.Sent:N0} answered " +
            $"({r.Sent / (double)seconds:N0} answers/s) at {rate:N0} interests/s, {r.Unexpected:N0} unexpected (producer {r.SecondsBehind:F2} s behind schedule)");

    private static async Task WaitAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > timeout)
                throw new TimeoutException($"waited {timeout} for {what}");
            await Task.Delay(50);
        }
    }

    private static int IntArg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }
}
