using System.Diagnostics;
using System.Numerics;
using System.Security.Cryptography;
using System.Text.Json;
using Commerce.Actors.NftItem;
using Commerce.Actors.Orders;
using Commerce.Actors.PlayerSession;
using Commerce.Actors.Runtime;
using Commerce.Chain.Contracts;
using Commerce.Events.Topics;
using Commerce.Host.Reconcile;
using Commerce.Host.Tests.Sagas;
using Commerce.Messaging.Embedded;
using Commerce.Testing;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Xunit.Abstractions;

namespace Commerce.Host.Tests.Failover;

/// <summary>
/// The failover proof of issue 10. Two host processes form one Orleans cluster on one PostgreSQL database, with one
/// Kafka (the embedded broker, in this process) and one dev chain (Anvil, 1 s blocks). One host is SIGKILLed while
/// interests stream in and while orders are between placed and paid (some paid and not yet confirmed, some to be paid
/// after the kill, some never: their holds run out). Then every interest is applied exactly once (per player and per
/// item), every order ends in exactly one terminal state, the chain shows each purchase and mint once,
/// <c>commerce reconcile</c> finds no mismatch, and the survivor runs the dead host's grains, fires their reminders and
/// feeds all partitions.
/// Alone: <c>dotnet test tests/Commerce.Host.Tests --filter "FullyQualifiedName~Failover"</c>.
/// </summary>
[Trait("Category", "Failover")]
public sealed class TwoHostFailoverTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Players = 240;
    private const int Items = 60;
    private const int Chunk = 200;

    /// <summary>At least 4,800 interests: eight chunks while both hosts run, a burst of six or more during which one host dies, ten after.</summary>
    private const int Chunks = 24;
    private const int ChunksBeforeKill = 8;
    private const int BurstChunks = 6;

    /// <summary>How far the stream may run ahead of what is applied (so it is still flowing when the host dies).</summary>
    private const int InFlight = 2 * Chunk;

    /// <summary>Orders paid in full for dragons:1..8: the first half paid just before the kill (confirmed after it), the rest after.</summary>
    private const int PaidOrders = 8;

    /// <summary>Orders placed after the kill for items the paid orders hold: refused, so cancelled.</summary>
    private const int RaceLosers = 2;

    /// <summary>
    /// Orders for dragons:9..11 that are never paid: cancelled when their one-minute hold runs out, by the order's and the
    /// item's reminders (Orleans reminders in the PostgreSQL table; those in the dead silo's range move to the survivor).
    /// </summary>
    private const int Abandoned = 3;

    private static readonly BigInteger Finney = BigInteger.Pow(10, 15);
    private static readonly TimeSpan Deadline = FailoverChecks.Deadline;

    private readonly SagaChain _chain = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("commerce-failover-").FullName;
    private EmbeddedKafkaCluster? _kafka;
    private TempPostgresDatabase? _database;

    public async Task InitializeAsync()
    {
        await _chain.InitializeAsync();
        // The mock broker creates no topic on request: every topic of the catalog exists before the hosts start.
        _kafka = EmbeddedKafkaCluster.Start(3, TopicCatalog.All);
        _database = await TempPostgresDatabase.CreateAsync();
        await File.WriteAllTextAsync(CatalogPath, JsonSerializer.Serialize(new
        {
            collections = new[]
            {
                new
                {
                    name = "dragons",
                    currency = "ETH",
                    items = Enumerable.Range(1, PaidOrders + Abandoned)
                        .Select(t => new { tokenId = $"{t}", rarity = "legendary", edition = 1, supply = 1, listPrice = 0.001m }),
                },
            },
        }));
    }

    private string CatalogPath => Path.Combine(_directory, "catalog.json");

    [Fact]
    public async Task A_host_killed_mid_stream_and_mid_saga_loses_no_event_applies_none_twice_ends_every_order_once_and_the_survivor_takes_over()
    {
        var clock = Stopwatch.StartNew();
        var shared = HostSettings();
        // The executor runs on one host per hot wallet (src/Execution/README.md): on the survivor. Both watch the Checkout (fenced).
        await using var doomed = ClusterHost.Start("doomed", new Dictionary<string, string>(shared) { ["Execution:Enabled"] = "false" });
        await using var survivor = ClusterHost.Start("survivor", shared);
        await using var stored = new StoredGrains(_database!.ConnectionString);
        await Task.WhenAll(doomed.WaitReadyAsync(Deadline), survivor.WaitReadyAsync(Deadline));
        await using var silos = await SiloMap.ConnectAsync(_database.ConnectionString);
        IReadOnlySet<int> active = new HashSet<int>();
        await Eventually.Until(async () => (active = await silos.ActiveSiloPortsAsync()).SetEquals([doomed.SiloPort, survivor.SiloPort]), Deadline,
            () => $"one cluster of the two silos (ports {doomed.SiloPort}, {survivor.SiloPort}); active: [{string.Join(", ", active)}]" +
                $"\n{doomed.Log}\n{survivor.Log}");
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: both hosts ready in one cluster");

        // Orders while both run: every buyer signs in at the doomed host; its token also works at the survivor (one signing key).
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        await FailoverChecks.WaitListedAsync(stored, Enumerable.Range(1, PaidOrders + Abandoned).Select(t => $"dragons:{t}"));
        var orders = new List<FailoverOrder>();
        for (var k = 0; k < PaidOrders + Abandoned; k++)
        {
            var order = await NewOrderAsync(http, doomed.BaseUrl, k + 1, k < PaidOrders ? OrderStatus.Completed : OrderStatus.Cancelled);
            using var client = order.ClientOf(k % 2 == 0 ? doomed.BaseUrl : survivor.BaseUrl);
            await SagaPlatform.PlaceAcceptedAsync(client, order.Quote, order.Signature, "eth");
            orders.Add(order);
        }
        await FailoverChecks.WaitForOrdersAsync(stored, orders, o => o.Status == OrderStatus.Reserved, "reserved", doomed, survivor);

        using var stream = new InterestStream(_kafka!.BootstrapServers, Players, Items);
        for (var c = 0; c < ChunksBeforeKill; c++)
            await PublishWithinWindowAsync(stream, stored, doomed, survivor);
        var onDoomed = await GrainsLivingOnAsync(silos, doomed);
        var doomedPartitions = doomed.Ingress.ToString();
        var playerGroup = $"commerce.ingress.{PlayerSessionGrain.TypeName}";
        var doomedPlayerPartitions = doomed.Ingress.Of(playerGroup);

        // The first half pays: mined, not yet confirmed (2 blocks) when the host dies. A burst goes out, and once the hosts
        // are applying it (or what was still in flight before it), the host is killed.
        await Task.WhenAll(orders.Take(PaidOrders / 2).Select(o => _chain.Checkout.PurchaseAsync(_chain.Sender(o.Buyer), o.Quote, o.Signature)));
        var beforeBurst = await AppliedAsync(stored);
        // The burst runs on until the host is dead and its state read: however fast this machine applies, the kill comes
        // while records are still arriving (a fixed burst was once applied whole before the kill landed).
        using var burstEnd = new CancellationTokenSource();
        var burst = Task.Run(async () =>
        {
            await stream.PublishAsync(BurstChunks * Chunk);
            while (!burstEnd.IsCancellationRequested)
            {
                // Then a chunk at a time, no more than InFlight ahead of what is applied (so nothing piles up).
                long applied = 0;
                await Eventually.Until(async () => burstEnd.IsCancellationRequested || (applied = await AppliedAsync(stored)) >= stream.Published - InFlight,
                    Deadline, () => $"at least {stream.Published - InFlight} of {stream.Published} interests applied during the burst, {applied} are");
                if (!burstEnd.IsCancellationRequested)
                    await stream.PublishAsync(Chunk);
            }
        });
        long applying = 0;
        await Eventually.Until(async () => (applying = await AppliedAsync(stored)) >= beforeBurst + Chunk, Deadline,
            () => $"the burst being applied: {applying} interests applied, {beforeBurst} were before it\n{doomed.Log}\n{survivor.Log}");
        await doomed.KillAsync();
        var sinceKill = Stopwatch.StartNew();
        var appliedAtKill = await AppliedAsync(stored);
        var openAtKill = (await stored.OrdersAsync()).Values.Where(o => !OrderStatus.IsTerminal(o.Status)).Select(o => o.OrderId).ToHashSet();
        // What the dead host applied of its partitions beyond the offsets it committed: the survivor reads those records again.
        var committed = CommittedOffsets.Of(_kafka.BootstrapServers, playerGroup, TopicCatalog.PlayerEvents.Name, doomedPlayerPartitions);
        var highest = await stored.HighestAppliedAsync(PlayerSessionGrain.TypeName, TopicCatalog.PlayerEvents.Name);
        var reread = doomedPlayerPartitions.Sum(p => Math.Max(0, highest.GetValueOrDefault(p, -1) + 1 - committed[p]));
        await burstEnd.CancelAsync();
        await burst;
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: killed the doomed host; {appliedAtKill} of {stream.Published} interests applied, " +
            $"{openAtKill.Count} of {orders.Count} orders not yet ended, {reread} interests applied beyond its committed offsets; " +
            $"it ran {Describe(onDoomed)}; its ingress owned {doomedPartitions}");
        Assert.True(appliedAtKill < stream.Published, $"the kill should come mid-stream, but all {stream.Published} interests were applied already");
        Assert.True(reread > 0, $"the dead host should leave applied records uncommitted, for the survivor to read again; committed " +
            $"[{string.Join(", ", committed.Select(c => $"{c.Key}: {c.Value}"))}], " +
            $"applied up to [{string.Join(", ", highest.Select(h => $"{h.Key}: {h.Value}"))}]");
        var unpaid = orders.Skip(PaidOrders / 2).Select(o => o.Id).ToList();
        Assert.True(unpaid.All(openAtKill.Contains),
            $"the unpaid orders should be between placed and paid at the kill; open: [{string.Join(", ", openAtKill)}]");

        var dead = TimeUntilAsync(sinceKill, async () => await stored.SiloStatusAsync(doomed.SiloPort) == StoredGrains.DeadStatus,
            () => $"the doomed silo (port {doomed.SiloPort}) declared dead in the membership table\n{survivor.Log}");
        var partitions = TimeUntilAsync(sinceKill, () => Task.FromResult(FeedsEveryPartition(survivor)),
            () => $"the survivor's ingress to own every partition; it owns {survivor.Ingress}\n{survivor.Log}");

        // After the kill, on the survivor: the rest of the stream, the other half paid, and two players ordering items already taken.
        var rest = Task.Run(async () =>
        {
            for (var c = ChunksBeforeKill + BurstChunks; c < Chunks; c++)
                await PublishWithinWindowAsync(stream, stored, doomed, survivor);
        });
        var payments = Task.WhenAll(orders.Skip(PaidOrders / 2).Take(PaidOrders / 2)
            .Select(o => _chain.Checkout.PurchaseAsync(_chain.Sender(o.Buyer), o.Quote, o.Signature)));
        for (var k = 0; k < RaceLosers; k++)
        {
            var loser = await NewOrderAsync(http, survivor.BaseUrl, k + 1, OrderStatus.Cancelled);
            using var client = loser.ClientOf(survivor.BaseUrl);
            await SagaPlatform.PlaceAcceptedAsync(client, loser.Quote, loser.Signature, "eth");
            orders.Add(loser);
        }
        await payments;
        await rest;

        // Every interest applied exactly once: per player, per item, and each player's pushes numbered once per interest.
        long applied = 0;
        await Eventually.Until(async () => (applied = await AppliedAsync(stored)) >= stream.Published, Deadline,
            () => $"all {stream.Published} interests applied after the kill, {applied} are\n{survivor.Log}");
        var interestsApplied = sinceKill.Elapsed;
        var players = await stored.PlayersAsync();
        var items = await stored.ItemsAsync();
        FailoverChecks.AssertAppliedOnce(stream, players, items);

        // Every order in exactly one terminal state, read through the survivor's API with the tokens the dead host issued;
        // the abandoned ones last, when their holds run out.
        var abandoned = orders.Skip(PaidOrders).Take(Abandoned).ToList();
        await FailoverChecks.WaitForOrdersOnAsync(survivor, [.. orders.Except(abandoned)]);
        var ordersEnded = sinceKill.Elapsed;
        await FailoverChecks.WaitForOrdersOnAsync(survivor, abandoned);
        var abandonedEnded = sinceKill.Elapsed;
        var released = await stored.ItemsAsync();
        foreach (var order in abandoned)
        {
            Assert.True(released[order.ItemId] is { Status: ItemStatus.Available, Reservation: null },
                $"{order.ItemId} should be free again once the hold of {order.Id} ran out; " +
                $"it is {released[order.ItemId].Status}, held for {released[order.ItemId].Reservation?.OrderId}");
        }
        var ended = await stored.OrdersAsync();
        foreach (var order in orders)
            await AssertEndedOnceAsync(order, ended[order.Id]);

        // The survivor took over: membership, every partition, and the grains that lived on the dead host.
        var deadAfter = await dead;
        var partitionsAfter = await partitions;
        await survivor.WaitReadyAsync(Deadline);
        IReadOnlyDictionary<string, HashSet<string>> onSurvivor = new Dictionary<string, HashSet<string>>();
        await Eventually.Until(async () =>
        {
            try
            {
                onSurvivor = await silos.GrainsOnAsync(survivor.SiloPort);
                return true;
            }
            catch (Exception e) when (e is not TimeoutException)
            {
                return false; // the client still tries the dead gateway
            }
        }, Deadline, () => "the survivor's grains listed by the management grain");
        FailoverChecks.AssertTakenOver(onDoomed, onSurvivor, PlayerSessionGrain.TypeName, stream.PerPlayer.ContainsKey);
        FailoverChecks.AssertTakenOver(onDoomed, onSurvivor, NftItemGrain.TypeName, stream.PerItem.ContainsKey);
        FailoverChecks.AssertTakenOver(onDoomed, onSurvivor, OrderGrain.TypeName, openAtKill.Contains);

        var (code, report) = await ReconcileAsync();
        Assert.True(code == 0, $"reconcile after the failover should find no mismatch, exit {code}:\n{report}");
        Assert.Contains("no mismatch", report);

        // Nothing was applied again since (a late redelivery would show here).
        FailoverChecks.AssertAppliedOnce(stream, await stored.PlayersAsync(), await stored.ItemsAsync());
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: {stream.Published} interests over {Players} players and {Items} items, " +
            $"{orders.Count} orders ({PaidOrders} completed, {RaceLosers} refused, {Abandoned} timed out); " +
            $"after the kill: silo declared dead {deadAfter.TotalSeconds:F1} s, " +
            $"every partition on the survivor {partitionsAfter.TotalSeconds:F1} s, every interest applied {interestsApplied.TotalSeconds:F1} s, " +
            $"every paid or refused order ended {ordersEnded.TotalSeconds:F1} s, every abandoned one {abandonedEnded.TotalSeconds:F1} s " +
            $"(holds of one minute); reconcile: {report.Split('\n')[0]}");
    }

    private Dictionary<string, string> HostSettings()
    {
        var settings = _chain.PlatformSettings();
        settings["Kafka:BootstrapServers"] = _kafka!.BootstrapServers;
        settings["Kafka:SessionTimeoutMs"] = "6000";
        settings["Store:Provider"] = "postgres";
        // Two hosts and this test share one server (and its max_connections) with the other tests: small pools.
        settings["Store:ConnectionString"] = new NpgsqlConnectionStringBuilder(_database!.ConnectionString) { MaxPoolSize = 16 }.ConnectionString;
        settings["Catalog:SeedFile"] = CatalogPath;
        settings["Orders:ReservationMinutes"] = "1";
        settings["Auth:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        settings["Cluster:AdvertisedAddress"] = "127.0.0.1";
        // A dead silo is declared so after two missed 2 s probes, by one vote (the survivor's).
        settings["Cluster:ProbeTimeout"] = "00:00:02";
        settings["Cluster:NumMissedProbesLimit"] = "2";
        settings["Cluster:NumVotesForDeathDeclaration"] = "1";
        return settings;
    }

    /// <summary>A new wallet signed in at <paramref name="baseUrl"/>, with a quote for dragons:<paramref name="tokenId"/> at 1 finney.</summary>
    private async Task<FailoverOrder> NewOrderAsync(HttpClient http, string baseUrl, int tokenId, string expectedStatus)
    {
        var key = await _chain.NewWalletAsync();
        var (signedIn, _, token) = await SagaPlatform.SignInAsync(http, baseUrl, key);
        signedIn.Dispose();
        var (quote, signature) = _chain.Quote(key.Address, tokenId, Finney);
        return new FailoverOrder(key, quote, signature, token, expectedStatus);
    }

    /// <summary>Interests applied so far, as the players' grains stored them.</summary>
    private static async Task<long> AppliedAsync(StoredGrains stored) => (await stored.PlayersAsync()).Values.Sum(p => p.InterestCount);

    /// <summary>Publishes a chunk once no more than <see cref="InFlight"/> interests wait to be applied.</summary>
    private static async Task PublishWithinWindowAsync(InterestStream stream, StoredGrains stored, ClusterHost first, ClusterHost second)
    {
        long applied = 0;
        await Eventually.Until(async () => (applied = await AppliedAsync(stored)) >= stream.Published - InFlight,
            Deadline, () => $"at least {stream.Published - InFlight} of {stream.Published} interests applied, {applied} are" +
                $"\n{first.Log}\n{second.Log}");
        await stream.PublishAsync(Chunk);
    }

    /// <summary>The grains on the doomed host's silo, once it runs players and items of the stream.</summary>
    private static async Task<IReadOnlyDictionary<string, HashSet<string>>> GrainsLivingOnAsync(SiloMap silos, ClusterHost host)
    {
        IReadOnlyDictionary<string, HashSet<string>> grains = new Dictionary<string, HashSet<string>>();
        await Eventually.Until(async () =>
        {
            grains = await silos.GrainsOnAsync(host.SiloPort);
            return grains.GetValueOrDefault(PlayerSessionGrain.TypeName)?.Count > 0 && grains.GetValueOrDefault(NftItemGrain.TypeName)?.Count > 0;
        }, Deadline, () => $"players and items of the stream living on the {host.Name} host; it runs {Describe(grains)}");
        return grains;
    }

    private static bool FeedsEveryPartition(ClusterHost host) =>
        GrainRuntimeServiceCollectionExtensions.Routes.All(r => host.Ingress.Of($"commerce.ingress.{r.GrainType}").Count == r.Topic.Partitions);

    private static async Task<TimeSpan> TimeUntilAsync(Stopwatch since, Func<Task<bool>> condition, Func<string> expected)
    {
        await Eventually.Until(condition, Deadline, expected);
        return since.Elapsed;
    }

    /// <summary>
    /// The order's one end, as expected, and the chain: a completed order's purchase made once, its token minted once to
    /// the buyer; a cancelled one bought nothing.
    /// </summary>
    private async Task AssertEndedOnceAsync(FailoverOrder order, OrderState state)
    {
        var history = string.Join("; ", state.History.Select(h => $"{h.Event}: {h.From}->{h.To}"));
        Assert.True(state.Status == order.ExpectedStatus && state.Terminal,
            $"order {order.Id} should be {order.ExpectedStatus}, it is {state.Status}: [{history}]");
        var endings = state.History.Count(h => h.From != h.To && OrderStatus.IsTerminal(h.To));
        Assert.True(endings == 1, $"order {order.Id} should have ended once, it ended {endings} times: [{history}]");
        var purchase = await _chain.Checkout.GetPurchaseAsync(order.Quote.Nonce);
        if (order.ExpectedStatus == OrderStatus.Cancelled)
        {
            Assert.Equal(PurchaseStatus.None, purchase.Status);
            return;
        }
        Assert.Equal(PurchaseStatus.Completed, purchase.Status);
        Assert.Single((await _chain.CheckoutEventsOfAsync(order.Id)).OfType<CheckoutPurchased>());
        Assert.Equal(1, await _chain.MintsOfAsync(order.Quote.TokenId));
        Assert.Equal(order.Buyer.Address, await _chain.Dragons.OwnerOfAsync(order.Quote.TokenId));
    }

    private async Task<(int Code, string Output)> ReconcileAsync()
    {
        var text = new StringWriter();
        var error = new StringWriter();
        string[] args =
        [
            "--store", "postgres", "--connection", _database!.ConnectionString, "--kafka", _kafka!.BootstrapServers,
            "--rpc", _chain.Anvil.Endpoint.ToString(), "--checkout", _chain.Checkout.Address.ToString(),
            // Every order has ended: compare each with its item at once.
            "--slack", "0",
        ];
        var code = await ReconcileCommand.RunAsync(args, new ConfigurationBuilder().Build(), text, error);
        return (code, text + error.ToString());
    }

    /// <summary>How many of the platform's grains (not Orleans' own) a silo runs, by type.</summary>
    private static string Describe(IReadOnlyDictionary<string, HashSet<string>> grains) =>
        string.Join(", ", new[] { PlayerSessionGrain.TypeName, NftItemGrain.TypeName, OrderGrain.TypeName }
            .Select(type => $"{grains.GetValueOrDefault(type)?.Count ?? 0} {type}"));

    public async Task DisposeAsync()
    {
        _kafka?.Dispose();
        if (_database is not null)
            await _database.DisposeAsync();
        await _chain.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
