using System.Diagnostics;
using System.Numerics;
using Commerce.Connectors.Crm;
using Commerce.Connectors.Crm.Configuration;
using Commerce.Connectors.Crm.Local;
using Commerce.Connectors.Http;
using Commerce.Connectors.Ingestion;
using Commerce.Connectors.Ingestion.Storage;
using Commerce.Connectors.MarketplaceMonitoring;
using Commerce.Connectors.MarketplaceMonitoring.Local;
using Commerce.Connectors.MarketplaceMonitoring.Sources;
using Commerce.Connectors.Crm.Sources;
using Commerce.Events.Envelope;
using Commerce.Events.Player;
using Commerce.Events.Topics;
using Commerce.Messaging.Configuration;
using Commerce.Messaging.Producing;
using Confluent.Kafka;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Commerce.Benchmarks.Connectors;

/// <summary>
/// CDC events and marketplace events ingested into the embedded Kafka through the connectors (HTTP from the local CRM
/// and the simulated marketplace on loopback, the Akka.Streams pipeline, the publish ledger on SQLite, acknowledged
/// produce), next to a raw Confluent.Kafka produce of as many records of the same size in the same run. The events
/// are made before the clock starts (CRM: CREATE events, which carry every field; the connector starts from every
/// retained event); the time includes the connector's start (token, handshake).
/// </summary>
public static class ConnectorsBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var events = args.SkipWhile(a => a != "--events").Skip(1).Select(int.Parse).DefaultIfEmpty(100_000).First();
        var parts = args.Contains("--parts");
        var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault(); // "crm" or "marketplace": that connector alone
        // Each side first runs this many events untimed (its own local service, ledger and host), as a server that has run a
        // while: the timed run then measures the steady rate, not the JIT compiling the connector's code.
        var warmup = args.SkipWhile(a => a != "--warmup").Skip(1).Select(int.Parse).DefaultIfEmpty(20_000).First();
        Console.WriteLine($"load before: {Load()}");
        using var kafka = new KafkaConnection(Options.Create(new KafkaOptions { EmbeddedBrokers = 1 }));
        var directory = Directory.CreateTempSubdirectory("bench-connectors-").FullName;
        try
        {
            kafka.Embedded!.CreateTopic("bench.raw", TopicCatalog.PlayerEvents.Partitions);
            if (warmup > 0)
                await WarmUpAsync(kafka, Directory.CreateDirectory(Path.Combine(directory, "warmup")).FullName, warmup, only);
            var raw = RawProduce(kafka, events);
            Console.WriteLine($"raw Confluent.Kafka produce (acked)     : {raw:N0} records/s ({events:N0} LoyaltyUpdated envelopes)");
            if (parts && only is null)
                await ConnectorParts.RunAsync(kafka, directory, events, BatchSize);
            if (only is null or "crm")
            {
                var cdc = await CdcAsync(kafka, directory, events, parts);
                Console.WriteLine($"CRM change events -> LoyaltyUpdated      : {cdc:N0} events/s ({cdc / raw:P0} of raw)");
            }
            if (only is null or "marketplace")
            {
                var market = await MarketplaceAsync(kafka, directory, events, parts);
                Console.WriteLine($"marketplace REST events -> market events : {market:N0} events/s ({market / raw:P0} of raw)");
            }
            Console.WriteLine($"load after: {Load()}");
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>The raw produce and each connector over <paramref name="count"/> events, untimed.</summary>
    private static async Task WarmUpAsync(KafkaConnection kafka, string directory, int count, string? only)
    {
        Console.WriteLine($"warm-up: the raw produce and each connector over {count:N0} events, untimed");
        RawProduce(kafka, count);
        if (only is null or "crm")
            await CdcAsync(kafka, directory, count, parts: false);
        if (only is null or "marketplace")
            await MarketplaceAsync(kafka, directory, count, parts: false);
    }

    private static double RawProduce(KafkaConnection kafka, int count)
    {
        var wallet = "0x" + 1.ToString("x40");
        var bytes = EnvelopeSerializer.Serialize(EventEnvelope.Create(wallet, new LoyaltyUpdated(wallet, "Gold", 1234.5m), DateTimeOffset.UtcNow));
        using var producer = new ProducerBuilder<string, byte[]>(kafka.ProducerConfig("bench-raw")).Build();
        var acked = 0;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var key = "0x" + (i % 5_000).ToString("x40");
            while (true)
            {
                try
                {
                    producer.Produce("bench.raw", new Message<string, byte[]> { Key = key, Value = bytes }, _ => Interlocked.Increment(ref acked));
                    break;
                }
                catch (ProduceException<string, byte[]> e) when (e.Error.Code == Confluent.Kafka.ErrorCode.Local_QueueFull)
                {
                    producer.Poll(TimeSpan.FromMilliseconds(10));
                }
            }
        }
        producer.Flush(TimeSpan.FromMinutes(2));
        return acked / clock.Elapsed.TotalSeconds;
    }

    private const int BatchSize = 5_000;

    private static async Task<double> CdcAsync(KafkaConnection kafka, string directory, int count, bool parts)
    {
        const int players = 5_000;
        var options = new CrmOptions { Local = new LocalCrmOptions { RetainedEvents = count + 10 } };
        var crm = new LocalCrm(options, TimeProvider.System);
        string[] tiers = ["Silver", "Gold", "Platinum", "Bronze"];
        for (var i = 0; i < count; i++) // CREATE events carry every field, so each is a LoyaltyUpdated without a read
            crm.Create($"p{i}", "0x" + (i % players).ToString("x40"), tiers[i % tiers.Length], i);
        // The connector follows the change events from every retained one (-2), as after a backfill of an empty org.
        var file = Path.Combine(directory, "crm.db");
        var ledger = new PublishLedger(new StandaloneConnectorDatabase(false, $"Data Source={file}"), CrmConnector.ConnectorName, TimeProvider.System, PublishLedgerOptions.Default);
        await ledger.LoadAsync(CancellationToken.None);
        await ledger.CommitAsync([], [new StreamPosition(Commerce.Connectors.Crm.Sources.CrmChangeSource.ReplayStream, Commerce.Connectors.Crm.Sources.CrmChangeSource.AllRetained)], CancellationToken.None);
        await using var server = await LocalServer.StartAsync(0, app => LocalCrmApi.Map(app, crm), CancellationToken.None);
        using var host = Host(kafka, file, CrmSettings(server.Address, options));
        if (parts)
        {
            // Each side alone first (the first pays the JIT of its side), then both together, as the connector reads.
            await CrmSides.ServerAsync(crm, server.Address, count);
            await CrmSides.ClientAsync(crm, replace => Host(kafka, file, CrmSettings(server.Address, options), replace), count);
            using var alone = Host(kafka, file, CrmSettings(server.Address, options));
            await ConnectorParts.SourceAsync("CRM source alone (both sides, over HTTP)     ", alone.Services.GetRequiredService<CrmChangeSource>(),
                new Dictionary<string, string> { [CrmChangeSource.ReplayStream] = CrmChangeSource.AllRetained }, count);
        }
        var counters = host.Services.GetRequiredService<CrmConnector>().Counters;
        var clock = Stopwatch.StartNew();
        await host.StartAsync();
        await Until(() => counters.Published >= count);
        var rate = count / clock.Elapsed.TotalSeconds;
        Console.WriteLine($"  {counters.Published:N0} published in {counters.Batches:N0} batches, {counters.DuplicatesSkipped} skipped, {counters.Restarts} restarts");
        await host.StopAsync();
        return rate;
    }

    private static async Task<double> MarketplaceAsync(KafkaConnection kafka, string directory, int count, bool parts)
    {
        var market = new LocalMarketplace(TimeProvider.System);
        market.SetFloor("dragons", 0.05m);
        var wei = BigInteger.Pow(10, 15);
        for (var i = 0; i < count; i++)
        {
            if (i % 2 == 0)
                market.Sale("dragons", (i % 10 + 1).ToString(), wei * (i % 90 + 10), onStream: false);
            else
                market.Offer("dragons", (i % 10 + 1).ToString(), wei * (i % 90 + 10), onStream: false);
        }
        await using var server = await LocalServer.StartAsync(0, app => LocalMarketplaceApi.Map(app, market, "bench", TimeProvider.System), CancellationToken.None);
        var settings = new Dictionary<string, string?>
        {
            ["MarketplaceMonitoring:Mode"] = "Live", ["MarketplaceMonitoring:ApiUrl"] = server.Address.ToString(), ["MarketplaceMonitoring:ApiKey"] = "bench",
            ["MarketplaceMonitoring:Stream"] = "false", ["MarketplaceMonitoring:Collections:dragons"] = "dragons", ["MarketplaceMonitoring:EventsPageSize"] = "200",
            ["MarketplaceMonitoring:Ingestion:RequestsPerSecond"] = "10000", ["MarketplaceMonitoring:Ingestion:RequestBurst"] = "100", ["MarketplaceMonitoring:Ingestion:BatchSize"] = BatchSize.ToString(),
        };
        if (parts)
        {
            using var alone = Host(kafka, Path.Combine(directory, "market-alone.db"), settings);
            await ConnectorParts.SourceAsync("marketplace REST source alone (HTTP, JSON, …) ", alone.Services.GetRequiredService<RestPollSource>(),
                new Dictionary<string, string>(), count);
        }
        using var host = Host(kafka, Path.Combine(directory, "market.db"), settings);
        var counters = host.Services.GetRequiredService<MarketplaceMonitor>().Counters;
        var clock = Stopwatch.StartNew();
        await host.StartAsync();
        await Until(() => counters.Published >= count + 1);
        var rate = count / clock.Elapsed.TotalSeconds;
        Console.WriteLine($"  {counters.Published:N0} published in {counters.Batches:N0} batches, {counters.DuplicatesSkipped} skipped, {counters.Restarts} restarts");
        await host.StopAsync();
        return rate;
    }

    private static Dictionary<string, string?> CrmSettings(Uri server, CrmOptions options) => new()
    {
        ["Crm:Mode"] = "Live", ["Crm:LoginUrl"] = server.ToString(), ["Crm:InstanceUrl"] = server.ToString(),
        ["Crm:ClientId"] = options.Local.ClientId, ["Crm:ClientSecret"] = options.Local.ClientSecret,
        ["Crm:Ingestion:RequestsPerSecond"] = "10000", ["Crm:Ingestion:RequestBurst"] = "100", ["Crm:Ingestion:BatchSize"] = BatchSize.ToString(),
    };

    private static IHost Host(KafkaConnection kafka, string database, Dictionary<string, string?> settings, Action<IServiceCollection>? replace = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton(kafka);
        builder.Services.AddSingleton<EventProducer>();
        builder.Services.AddSingleton<IConnectorDatabase>(new StandaloneConnectorDatabase(false, $"Data Source={database}"));
        if (settings.ContainsKey("Crm:Mode"))
            builder.Services.AddCrmConnector(builder.Configuration);
        else
            builder.Services.AddMarketplaceMonitoring(builder.Configuration);
        replace?.Invoke(builder.Services);
        return builder.Build();
    }

    private static async Task Until(Func<bool> done)
    {
        var deadline = Stopwatch.StartNew();
        while (!done())
        {
            if (deadline.Elapsed > TimeSpan.FromMinutes(10))
                throw new TimeoutException("the connector did not publish every event within 10 minutes");
            await Task.Delay(5);
        }
    }

    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";
}
