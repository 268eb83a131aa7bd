using System.Text.Json;
using Commerce.Actors.Runtime;
using Commerce.Actors.Storage;
using Commerce.Chain.JsonRpc;
using Commerce.Messaging.Producing;
using Commerce.Payments.Options;
using Commerce.Payments.Watcher;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Commerce.Payments.Tests;

/// <summary>
/// A grain store of its own (SQLite or PostgreSQL), the outbox relay to the embedded Kafka, and a Checkout
/// watcher over them. The watcher can be stopped and a new one started on the same store.
/// </summary>
public sealed class WatcherHarness : IAsyncDisposable
{
    private readonly PaymentsEnvironment _env;
    private readonly TestStore _testStore;
    private readonly EventProducer _producer;
    private readonly OutboxSignal _signal = new();
    private readonly OutboxRelay _relay;
    private readonly JsonRpcClient _rpc;

    private WatcherHarness(PaymentsEnvironment env, CheckoutWatcherOptions options, TestStore store, HttpMessageHandler? handler)
    {
        _env = env;
        Options = options;
        _testStore = store;
        Store = store.Store;
        _producer = new EventProducer(env.Kafka);
        _relay = new OutboxRelay(Store, _producer, _signal, NullLogger<OutboxRelay>.Instance);
        _rpc = new JsonRpcClient(handler is null ? new HttpClient() : new HttpClient(handler), new JsonRpcClientOptions { Endpoint = env.Endpoint, MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(20) });
    }

    public CheckoutWatcherOptions Options { get; }

    public IGrainStore Store { get; }

    public CheckoutWatcher? Watcher { get; private set; }

    public CheckoutWatcherStatus Status { get; } = new();

    public static async Task<WatcherHarness> StartAsync(PaymentsEnvironment env, Deployment deployment, int confirmations = 2, string store = "sqlite", Action<CheckoutWatcherOptions>? configure = null, HttpMessageHandler? handler = null)
    {
        var options = new CheckoutWatcherOptions
        {
            Enabled = true,
            CheckoutAddress = deployment.Checkout.Address.ToString(),
            RpcUrl = env.Endpoint.ToString(),
            Confirmations = confirmations,
            PollInterval = TimeSpan.FromMilliseconds(20),
            StartBlock = deployment.DeployedAt,
        };
        configure?.Invoke(options);
        options.Validate();
        var harness = new WatcherHarness(env, options, await TestStore.CreateAsync(store), handler);
        await harness.Store.InitializeAsync(CancellationToken.None);
        await harness._relay.StartAsync(CancellationToken.None);
        await harness.StartWatcherAsync();
        return harness;
    }

    public async Task StartWatcherAsync()
    {
        Watcher = new CheckoutWatcher(Microsoft.Extensions.Options.Options.Create(Options), Store, _rpc, _signal, Status, TimeProvider.System,
            NullLogger<CheckoutWatcher>.Instance);
        await Watcher.StartAsync(CancellationToken.None);
    }

    public async Task StopWatcherAsync()
    {
        if (Watcher is not null)
            await Watcher.StopAsync(CancellationToken.None);
        Watcher?.Dispose();
        Watcher = null;
    }

    /// <summary>The stored cursor's block number, or null before the first commit.</summary>
    public async Task<ulong?> CursorAsync()
    {
        var stored = await Store.LoadStateAsync(CheckoutFollower.StateType, Options.Address.ToLowerHex(), CancellationToken.None);
        if (stored is null)
            return null;
        using var json = JsonDocument.Parse(stored.Json);
        return json.RootElement.GetProperty("cursorBlock") is { ValueKind: JsonValueKind.Number } n ? n.GetUInt64() : null;
    }

    /// <summary>Waits until the stored cursor reached the node's head, the outbox is empty and the test's reader read all of it: everything up to the head is published and seen.</summary>
    public async Task WaitCaughtUpAsync()
    {
        var head = await _env.Eth.GetBlockNumberAsync();
        ulong? cursor = null;
        long outbox = -1;
        await Commerce.Testing.Eventually.Until(async () =>
        {
            cursor = await CursorAsync();
            outbox = await Store.CountOutboxAsync(CancellationToken.None);
            return cursor >= head && outbox == 0;
        }, TimeSpan.FromSeconds(30), () => $"the watcher's cursor at head {head} with an empty outbox; cursor {cursor?.ToString() ?? "none"}, outbox rows {outbox}");
        await _env.WaitReadAllAsync();
    }

    /// <summary>Waits until the order's first observation was read from the topic.</summary>
    public Task WaitSeenAsync(string orderId) =>
        Commerce.Testing.Eventually.Until(() => _env.Of(orderId).Count > 0, TimeSpan.FromSeconds(30), $"an observation of order {orderId} on commerce.order-events");

    public async ValueTask DisposeAsync()
    {
        await StopWatcherAsync();
        await _relay.StopAsync(CancellationToken.None);
        _relay.Dispose();
        _producer.Dispose();
        await _testStore.DisposeAsync();
    }
}
