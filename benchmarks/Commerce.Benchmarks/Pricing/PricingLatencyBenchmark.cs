using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Commerce.Actors.Runtime;
using Commerce.Events.Envelope;
using Commerce.Events.Items;
using Commerce.Events.Player;
using Commerce.Events.Pushes;
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
/// ./run bench pricing [--rate N] [--seconds N] [--warmup N]: the platform's back end embedded (Kafka, SQLite, grains,
/// live pricing; no HTTP: interests are produced straight to Kafka, pushes read from their topic), InterestShown records produced at a steady rate, each from a new player so that every one asks for
/// an offer; latency is from the produce call to the moment the OfferMade push for that player is read from the
/// player-pushes topic (interest -> pricing -> OfferMade -> session grain -> outbox -> push). Baseline in the same
/// run: raw produce -> consume of the same records, same rate, same broker.
/// </summary>
internal static class PricingLatencyBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rate = IntArg(args, "--rate", 5_000);
        var seconds = IntArg(args, "--seconds", 10);
        var warmup = IntArg(args, "--warmup", 3);
        Console.WriteLine($"Pricing benchmark: interest -> OfferMade pushed, {rate:N0} interests/s for {seconds} s (after {warmup} s warm-up), embedded platform");
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
        builder.Services.AddGrainRuntime(builder.Configuration);
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

            var raw = Measure(bootstrap, "bench.raw", "bench.raw", rate, warmup, seconds, isOffer: null);
            Report("raw produce -> consume (baseline)", raw, rate);
            var priced = Measure(bootstrap, TopicCatalog.PlayerEvents.Name, TopicCatalog.PlayerPushes.Name, rate, warmup, seconds,
                isOffer: bytes => EnvelopeSerializer.Deserialize(bytes).Payload is PlayerPushed { Kind: "OfferMade" });
            Report("interest -> OfferMade pushed", priced, rate);
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

    private sealed record Result(int Sent, int Received, double P50, double P99, double Max, double SecondsBehind);

    /// <summary>Produces paced interests to <paramref name="inTopic"/>, reads <paramref name="outTopic"/> and matches by key (one record per player).</summary>
    private static Result Measure(string bootstrap, string inTopic, string outTopic, int rate, int warmup, int seconds, Func<byte[], bool>? isOffer)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var sentAt = new ConcurrentDictionary<string, long>();
        var latencies = new ConcurrentBag<double>();
        var warmupCount = rate * warmup;
        var total = warmupCount + rate * seconds;
        using var stop = new CancellationTokenSource();
        var received = 0;
        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrap,
            GroupId = $"bench-{run}",
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
            FetchWaitMaxMs = 5,
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
                if (sentAt.TryRemove(record.Message.Key, out var start))
                {
                    var index = Interlocked.Increment(ref received);
                    if (index > warmupCount)
                        latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
            }
        }, TaskCreationOptions.LongRunning);

        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = bootstrap, EnableIdempotence = true, LingerMs = 1 }).Build();
        string[] items = ["dragons:1", "dragons:2", "dragons:4", "dragons:5", "dragons:7", "dragons:8", "dragons:10"];
        var pace = new SteadyPacer(rate);
        for (var i = 0; i < total; i++)
        {
            pace.WaitFor(i);
            var player = "0x" + run + i.ToString("x32", CultureInfo.InvariantCulture);
            var value = EnvelopeSerializer.Serialize(EventEnvelope.Create(player, new InterestShown(player, items[i % items.Length], 5, "bench"), DateTimeOffset.UtcNow));
            sentAt[player] = Stopwatch.GetTimestamp();
            producer.Produce(inTopic, new Message<string, byte[]> { Key = player, Value = value });
        }

        var behind = pace.Elapsed.TotalSeconds - (double)(total - 1) / rate;
        producer.Flush(TimeSpan.FromMinutes(1));
        var deadline = Stopwatch.StartNew();
        while (Volatile.Read(ref received) < total && deadline.Elapsed < TimeSpan.FromSeconds(60))
            Thread.Sleep(20);
        stop.Cancel();
        reader.Wait();
        var sorted = latencies.Order().ToArray();
        return sorted.Length == 0
            ? new Result(total - warmupCount, 0, double.NaN, double.NaN, double.NaN, behind)
            : new Result(total - warmupCount, Math.Max(0, received - warmupCount), Percentile(sorted, 0.5), Percentile(sorted, 0.99), sorted[^1], behind);
    }

    private static void Report(string what, Result r, int rate) =>
        Console.WriteLine($"{what,-36}: p50 {r.P50,6:F1} ms, p99 {r.P99,7:F1} ms, max {r.Max,7:F1} ms; {r.Received:N0}/{r.Sent:N0} answered at {rate:N0}/s (producer {r.SecondsBehind:F2} s behind schedule)");

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

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
