using Commerce.Events.Chain;
using Commerce.Events.Custody;
using Commerce.Events.Orders;
using Commerce.Actors.Custody;
using System.Text.Json;
using Commerce.Actors.Orders;
using Commerce.Actors.Reminders;
using Commerce.Actors.Runtime;
using Commerce.Actors.Serialization;
using Commerce.Actors.Storage;
using Commerce.Events;
using Commerce.Events.Envelope;
using Commerce.Events.Topics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.TestingHost;

namespace Commerce.Actors.Tests.Harness;

/// <summary>
/// The platform's grains in Orleans' in-process test cluster, over a real SQLite store of their own, with a clock
/// that moves only when the test says so. Messages go in as the Kafka ingress hands them (a batch per key, with
/// offsets), what the grains published comes out of the outbox, and their state is read as stored.
/// </summary>
public sealed class GrainCluster : IAsyncDisposable
{
    private readonly TempDatabase _database;
    private readonly OrderOptions? _orders;
    private readonly Action<IServiceCollection>? _services;
    private readonly short _silos;
    private InProcessTestCluster _cluster;
    private long _offset;
    private long _outboxSeen;

    private GrainCluster(InProcessTestCluster cluster, TempDatabase database, SqliteGrainStore store, ManualClock clock,
        OrderOptions? orders, Action<IServiceCollection>? services, short silos)
    {
        _cluster = cluster;
        _database = database;
        _orders = orders;
        _services = services;
        _silos = silos;
        Store = store;
        Clock = clock;
    }

    public ManualClock Clock { get; }

    public SqliteGrainStore Store { get; }

    public IGrainFactory Grains => _cluster.Client;

    public InProcessTestCluster Cluster => _cluster;

    /// <summary>The deposit watcher's key the custody accounts of these clusters check (Custody:DepositKey).</summary>
    public static readonly byte[] DepositKey = System.Security.Cryptography.SHA256.HashData("actors-tests-deposit-key"u8);

    /// <summary>The custody accounts' key for their withdrawal commands (Custody:CommandKey).</summary>
    public static readonly byte[] CustodyCommandKey = System.Security.Cryptography.SHA256.HashData("actors-tests-custody-command-key"u8);

    /// <summary>The order grains' key for their chain commands and the executor's word on them (Orders:CommandKey), unless a test sets its own.</summary>
    public static readonly byte[] OrdersCommandKey = System.Security.Cryptography.SHA256.HashData("actors-tests-orders-command-key"u8);

    /// <summary>The executor's word on an order's command, marked as the executor marks it for requester orders.</summary>
    public static DeliveryUpdated Marked(DeliveryUpdated update, byte[]? key = null)
    {
        var word = new ChainTransactionUpdated(update.CommandId, update.Status, "0x00000000000000000000000000000000000000e1", 0, update.TransactionHash, null,
            null, null, null, update.Reason, DateTimeOffset.UnixEpoch);
        return update with { ExecutorMac = ChainUpdateMac.Sign(word, ChainCommandKinds.OrdersRequester, key ?? OrdersCommandKey).ExecutorMac };
    }

    /// <summary>The custody accounts' limits in these clusters: one withdrawal, and one UTC day.</summary>
    public const string MaxWithdrawalWei = "1000", DailyWithdrawalWei = "1500";

    /// <summary>The deposit as the deposit watcher marks it.</summary>
    public static DepositObserved Marked(DepositObserved deposit) => DepositMac.Sign(deposit, DepositKey);

    /// <param name="services">More silo services (an auction quote signer).</param>
    public static async Task<GrainCluster> StartAsync(DateTimeOffset start, OrderOptions? orders = null, short silos = 1,
        Action<IServiceCollection>? services = null)
    {
        var database = new TempDatabase();
        var clock = new ManualClock(start);
        var store = new SqliteGrainStore(database.ConnectionString, clock);
        await store.InitializeAsync(CancellationToken.None);
        var cluster = await DeployAsync(store, clock, orders, services, silos);
        return new GrainCluster(cluster, database, store, clock, orders, services, silos);
    }

    /// <summary>Stops every silo and starts a new cluster over the same store and reminder table (a restart or a failover).</summary>
    public async Task RestartAsync()
    {
        var serviceId = _cluster.Options.ServiceId; // the reminder table's rows are the service's
        await _cluster.DisposeAsync();
        _cluster = await DeployAsync(Store, Clock, _orders, _services, _silos, serviceId);
    }

    private static OrderOptions WithCommandKey(OrderOptions orders)
    {
        if (string.IsNullOrWhiteSpace(orders.CommandKey))
            orders.CommandKey = Convert.ToBase64String(OrdersCommandKey);
        return orders;
    }

    private static async Task<InProcessTestCluster> DeployAsync(SqliteGrainStore store, ManualClock clock, OrderOptions? orders,
        Action<IServiceCollection>? services, short silos, string? serviceId = null)
    {
        var builder = new InProcessTestClusterBuilder(silos);
        if (serviceId is not null)
            builder.Options.ServiceId = serviceId;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton<TimeProvider>(clock);
            silo.Services.AddSingleton<IGrainStore>(store);
            silo.Services.AddSingleton<OutboxSignal>();
            silo.Services.AddSingleton(Options.Create(WithCommandKey(orders ?? new OrderOptions())));
            silo.Services.AddSingleton(Options.Create(new CustodyOptions
            {
                DepositKey = Convert.ToBase64String(DepositKey), CommandKey = Convert.ToBase64String(CustodyCommandKey),
                MaxWithdrawalWei = MaxWithdrawalWei, DailyWithdrawalWei = DailyWithdrawalWei,
            }));
            services?.Invoke(silo.Services);
            silo.UseCommerceReminders("sqlite");
            silo.UseCommerceGrains();
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    /// <summary>Hands <paramref name="payload"/> to the grain of <paramref name="key"/> as the ingress would, stamped <paramref name="at"/>; returns its offset.</summary>
    public async Task<long> ApplyAsync<TGrain>(string key, IEvent payload, DateTimeOffset at, string topic = "test-input") where TGrain : IIngressGrain
    {
        var offset = Interlocked.Increment(ref _offset);
        await ApplyAtAsync<TGrain>(key, EventEnvelope.Create(key, payload, at), offset, topic);
        return offset;
    }

    /// <summary>Hands a given envelope at a given offset (a redelivery, when the offset was seen), with every earlier offset's batch completed.</summary>
    public Task ApplyAtAsync<TGrain>(string key, EventEnvelope envelope, long offset, string topic = "test-input", long? floor = null) where TGrain : IIngressGrain =>
        Grains.GetGrain<TGrain>(key).ApplyAsync(new IngressBatch(topic, 0, "epoch-1", floor ?? offset - 1, [new IngressRecord(offset, envelope)]));

    /// <summary>The stored state of a grain, or null when it was never stored.</summary>
    public async Task<TState?> StateAsync<TState>(string grainType, string key) where TState : class
    {
        var stored = await Store.LoadStateAsync(grainType, key, CancellationToken.None);
        return stored is null ? null : (TState?)JsonSerializer.Deserialize(stored.Json, GrainJsonContext.Default.GetTypeInfo(typeof(TState))!);
    }

    /// <summary>What the grains published since the last call (the outbox rows committed meanwhile), on <paramref name="topic"/>.</summary>
    public async Task<IReadOnlyList<IEvent>> PublishedAsync(TopicDefinition topic)
    {
        await using var lease = await Store.LeaseOutboxAsync(10_000, CancellationToken.None);
        var fresh = lease.Records.Where(r => r.Id > _outboxSeen).ToList();
        if (fresh.Count > 0)
            _outboxSeen = fresh.Max(r => r.Id);
        return fresh.SelectMany(r => r.Messages).Where(m => m.Topic == topic.Name)
            .Select(m => EnvelopeSerializer.Deserialize(m.Value).Payload).ToList();
    }

    /// <summary>Forgets what was published so far.</summary>
    public Task ClearPublishedAsync() => PublishedAsync(TopicCatalog.DeadLetters);

    /// <summary>Fires a grain's reminder now, as Orleans would when it comes due (move <see cref="Clock"/> first).</summary>
    public Task TickAsync<TGrain>(string key, string reminderName) where TGrain : IGrainWithStringKey =>
        Grains.GetGrain<TGrain>(key).AsReference<IRemindable>().ReceiveReminder(reminderName, new TickStatus(Clock.GetUtcNow().UtcDateTime, TimeSpan.FromMinutes(1), Clock.GetUtcNow().UtcDateTime));

    /// <summary>Drops a grain's activation, so the next message reloads it from the store.</summary>
    public Task DeactivateAsync<TGrain>(string key) where TGrain : IGrainWithStringKey =>
        _cluster.DeactivateAsync(Grains.GetGrain<TGrain>(key));

    public async ValueTask DisposeAsync()
    {
        await _cluster.DisposeAsync();
        await Store.DisposeAsync();
        _database.Dispose();
    }
}
