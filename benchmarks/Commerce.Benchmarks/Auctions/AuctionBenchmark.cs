using System.Collections.Concurrent;
using System.Diagnostics;
using Commerce.Actors.NftItem;
using Commerce.Actors.Runtime;
using Commerce.Events.Auctions;
using Commerce.Events.Envelope;
using Commerce.Events.Items;
using Commerce.Events.Topics;
using Commerce.Messaging.Configuration;
using Confluent.Kafka;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Commerce.Benchmarks.Auctions;

/// <summary>
/// ./run bench auctions [--auctions N] [--workers N] [--seconds N] [--rate N] [--window S] [--parts]
/// Bids through the item grains' auctions in the embedded platform (SQLite store with group commit, embedded Kafka, the
/// outbox relay), many auctions at once:
/// 1. throughput: --workers callers bid as fast as answers come, half at the minimum they last saw (accepted unless
///    another got there first), half just below it (refused, no write); next to a bare grain call on the same grains
///    (GetAuctionAsync: no logic, no write) run the same way;
/// 2. latency: --rate bids per second, paced, from the call to the BidAccepted record read back from
///    commerce.auction-events (what the watchers' fanout reads); and
/// 3. a Nexmark q7-style figure from that bid stream: the highest bid of each --window seconds (event time).
/// Each closed loop prints the process's CPU time per call and its CPU use (100 % = all cores busy: CPU-bound);
/// --parts then measures the parts of a bid alone (<see cref="AuctionParts"/>) and the floor they give.
/// </summary>
public static class AuctionBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var auctions = BenchArgs.Int(args, "--auctions", 1000);
        var workers = BenchArgs.Int(args, "--workers", 256);
        var seconds = BenchArgs.Int(args, "--seconds", 10);
        var rate = BenchArgs.Int(args, "--rate", 5000);
        var window = TimeSpan.FromSeconds(BenchArgs.Int(args, "--window", 2));
        var parts = args.Contains("--parts");
        var directory = Path.Combine(Path.GetTempPath(), $"commerce-bench-auctions-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        try
        {
            using var host = await StartAsync(Path.Combine(directory, "bench.db"));
            var grains = host.Services.GetRequiredService<IGrainFactory>();
            var items = Enumerable.Range(1, auctions).Select(i => $"bench:{i}").ToArray();
            await OpenAsync(grains, items);
            Console.WriteLine($"{auctions} auctions open; {workers} callers; {Environment.ProcessorCount} cores; load {Load()}");

            var minimums = new ConcurrentDictionary<string, decimal>(items.Select(i => KeyValuePair.Create(i, 1m)));
            var baseline = await ClosedLoopAsync(workers, TimeSpan.FromSeconds(seconds), items, async (item, n) =>
            {
                await grains.GetGrain<INftItemGrain>(item).GetAuctionAsync();
                return true;
            });
            Console.WriteLine($"baseline  bare grain call (GetAuctionAsync)       {baseline.PerSecond,10:N0} calls/s  {baseline.Cpu}");
            var bids = await ClosedLoopAsync(workers, TimeSpan.FromSeconds(seconds), items, (item, n) => BidAsync(grains, minimums, item, n));
            Console.WriteLine($"bids      accepted or refused                      {bids.PerSecond,10:N0} bids/s  ({bids.Accepted:N0} accepted, {bids.Calls - bids.Accepted:N0} refused)  load {Load()}");
            Console.WriteLine($"          = {100.0 * bids.PerSecond / baseline.PerSecond:F0} % of the bare call; {bids.Cpu}");
            if (parts)
            {
                var busiest = minimums.MaxBy(m => m.Value).Key;
                await AuctionParts.RunAsync(host, busiest, baseline.Cpu.MicrosPerCall, bids.Cpu.MicrosPerCall, (double)bids.Accepted / bids.Calls);
            }

            await LatencyAsync(host, grains, minimums, items, rate, seconds, window);
            await host.StopAsync();
            return 0;
        }
        finally
        {
            try { Directory.Delete(directory, true); } catch (IOException) { }
        }
    }

    /// <summary>Bids at the minimum this caller last saw (even n) or just below it (odd n); the answer's minimum is remembered.</summary>
    private static async Task<bool> BidAsync(IGrainFactory grains, ConcurrentDictionary<string, decimal> minimums, string item, long n)
    {
        var known = minimums[item];
        var amount = n % 2 == 0 ? known : known * 0.99m;
        var bidder = $"0x{n % 97:x40}";
        var answer = (await grains.GetGrain<INftItemGrain>(item).BidAsync(new BidSubmitted(item, $"b{n}", bidder, decimal.Round(amount, 6, MidpointRounding.ToPositiveInfinity), "ETH", "bench"))).Events[0].Payload;
        switch (answer)
        {
            case BidAccepted a:
                minimums[item] = a.NextMinimum;
                return true;
            case BidRefused { Minimum: { } minimum }:
                minimums[item] = minimum;
                return false;
            default:
                return false;
        }
    }

    private static async Task<(long Calls, long Accepted, double PerSecond, CpuShare Cpu)> ClosedLoopAsync(int workers, TimeSpan duration, string[] items,
        Func<string, long, Task<bool>> call)
    {
        long calls = 0, accepted = 0, sequence = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, workers).Select(async w =>
        {
            var random = new Random(w);
            while (clock.Elapsed < duration)
            {
                var n = Interlocked.Increment(ref sequence);
                if (await call(items[random.Next(items.Length)], n))
                    Interlocked.Increment(ref accepted);
                Interlocked.Increment(ref calls);
            }
        });
        await Task.WhenAll(tasks);
        var elapsed = clock.Elapsed;
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        return (calls, accepted, calls / elapsed.TotalSeconds, new CpuShare(used.TotalMicroseconds / calls, used / elapsed / Environment.ProcessorCount));
    }

    /// <summary>Paced bids; each accepted one timed to its record on commerce.auction-events; the q7 windows from those records.</summary>
    private static async Task LatencyAsync(IHost host, IGrainFactory grains, ConcurrentDictionary<string, decimal> minimums, string[] items,
        int rate, int seconds, TimeSpan window)
    {
        var sent = new ConcurrentDictionary<string, long>();
        var latencies = new ConcurrentBag<double>();
        var highest = new ConcurrentDictionary<long, (decimal Amount, string Item)>();
        long seen = 0;
        using var stop = new CancellationTokenSource();
        var connection = host.Services.GetRequiredService<KafkaConnection>();
        var reader = Task.Factory.StartNew(() => Read(connection, sent, latencies, highest, window, ref seen, stop.Token), TaskCreationOptions.LongRunning);
        await Task.Delay(TimeSpan.FromSeconds(3)); // the reader's partitions are assigned at the end offsets first
        var pacer = new SteadyPacer(rate);
        var total = rate * seconds;
        var inFlight = new List<Task>(total);
        var random = new Random(7);
        var offset = 10_000_000L;
        for (var i = 0; i < total; i++)
        {
            pacer.WaitFor(i);
            var n = offset + i;
            var item = items[random.Next(items.Length)];
            sent[$"b{n}"] = Stopwatch.GetTimestamp();
            inFlight.Add(BidAsync(grains, minimums, item, n));
        }
        var elapsed = pacer.Elapsed;
        await Task.WhenAll(inFlight);
        var accepted = inFlight.Count(t => ((Task<bool>)t).Result);
        await Deadline.UntilAsync(() => Interlocked.Read(ref seen) >= accepted, TimeSpan.FromSeconds(60), $"{accepted} accepted bids on commerce.auction-events", TimeSpan.FromMilliseconds(20));
        await stop.CancelAsync();
        await reader;
        Console.WriteLine($"latency   {total / elapsed.TotalSeconds:N0} bids/s offered, {accepted:N0} accepted; bid -> BidAccepted on auction-events: {Percentiles.Describe(latencies)}  load {Load()}");
        var windows = highest.OrderBy(w => w.Key).ToList();
        Console.WriteLine($"q7        highest bid per {window.TotalSeconds:F0} s window (event time), {windows.Count} windows, from {Interlocked.Read(ref seen):N0} bids:");
        foreach (var (start, best) in windows.TakeLast(5))
            Console.WriteLine($"          {new DateTimeOffset(start, TimeSpan.Zero):HH:mm:ss}  {best.Amount} ETH on {best.Item}");
    }

    private static void Read(KafkaConnection connection, ConcurrentDictionary<string, long> sent, ConcurrentBag<double> latencies,
        ConcurrentDictionary<long, (decimal Amount, string Item)> highest, TimeSpan window, ref long seen, CancellationToken stop)
    {
        var config = connection.ConsumerConfig(connection.GroupId($"bench.auctions.{Guid.NewGuid():N}"), "bench-auctions");
        config.EnableAutoCommit = false;
        using var consumer = new ConsumerBuilder<string, byte[]>(config).Build();
        using (var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = connection.BootstrapServers }).Build())
        {
            var partitions = Enumerable.Range(0, TopicCatalog.AuctionEvents.Partitions).Select(p => new TopicPartition(TopicCatalog.AuctionEvents.Name, p)).ToList();
            consumer.Assign(partitions.Select(tp => new TopicPartitionOffset(tp, consumer.QueryWatermarkOffsets(tp, TimeSpan.FromSeconds(10)).High)));
        }
        while (!stop.IsCancellationRequested)
        {
            var record = consumer.Consume(TimeSpan.FromMilliseconds(50));
            if (record?.Message?.Value is null)
                continue;
            if (EnvelopeSerializer.Deserialize(record.Message.Value).Payload is not BidAccepted bid)
                continue;
            if (sent.TryGetValue(bid.BidId, out var at))
                latencies.Add(Stopwatch.GetElapsedTime(at).TotalMilliseconds);
            var start = bid.At.UtcTicks - bid.At.UtcTicks % window.Ticks;
            highest.AddOrUpdate(start, (bid.Amount, bid.ItemId), (_, best) => bid.Amount > best.Amount ? (bid.Amount, bid.ItemId) : best);
            Interlocked.Increment(ref seen);
        }
        consumer.Close();
    }

    private static async Task OpenAsync(IGrainFactory grains, string[] items)
    {
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (item, _) =>
        {
            var grain = grains.GetGrain<INftItemGrain>(item);
            var listed = EventEnvelope.Create(item, new ItemListed(item, "bench", item[6..], "legendary", 1, 1, 1m, "ETH", null), DateTimeOffset.UtcNow);
            await grain.ApplyAsync(new IngressBatch("bench-setup", 0, "bench", -1, [new IngressRecord(0, listed)]));
            var answer = (await grain.OpenAuctionAsync(new AuctionOpened(item, "bench", 1m, 5, TimeSpan.FromHours(1), TimeSpan.FromMinutes(15),
                TimeSpan.FromMinutes(15), "bench"))).Events[0].Payload;
            if (answer is not AuctionOpened)
                throw new InvalidOperationException($"{item}: the auction was not opened: {answer}");
        });
    }

    private static async Task<IHost> StartAsync(string databasePath)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kafka:BootstrapServers"] = "",
            ["Store:Provider"] = "sqlite",
            ["Store:ConnectionString"] = $"Data Source={databasePath}",
        });
        builder.Logging.ClearProviders().AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.AddGrainPlatform();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
