using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Commerce.Actors.Custody;
using Commerce.Actors.NftItem;
using Commerce.Actors.Orders;
using Commerce.Actors.Runtime;
using Commerce.Actors.Serialization;
using Commerce.Actors.Storage;
using Commerce.Chain.Contracts;
using Commerce.Chain.Crypto;
using Commerce.Events;
using Commerce.Events.Envelope;
using Commerce.Events.Items;
using Commerce.Events.Orders;
using Commerce.Events.Topics;
using Commerce.Execution;
using Commerce.Messaging.Producing;
using Commerce.Testing;
using Commerce.Testing.Anvil;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Commerce.Payments.Tests.Custody;

/// <summary>
/// The custodial path for real: its own Anvil node (a block mined every 150 ms on top of automining, so depths are
/// reached), the embedded Kafka cluster, a SQLite grain store, and in one generic host the grain runtime (custody,
/// order, item grains), the transaction executor (hot wallet = custody address), the deposit watcher and the
/// delivery router. A GameItem collection whose MINTER_ROLE the hot wallet holds.
/// </summary>
public sealed class CustodyPlatform : IAsyncLifetime
{
    public static readonly BigInteger Ether = BigInteger.Pow(10, 18);
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private readonly AnvilFixture _anvil = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("commerce-custody-").FullName;
    private readonly CancellationTokenSource _stop = new();
    private IHost? _host;
    private Task? _miner;
    private volatile bool _mining = true;
    private static long _nextTokenId = 100;
    private ulong _startBlock;

    public EthPrivateKey HotKey { get; } = EthPrivateKey.Generate();

    public EthAddress Custody => HotKey.Address;

    public Actor Admin { get; private set; } = null!;

    public GameItemContract Items { get; private set; } = null!;

    /// <summary>The deposit watcher's marking key (Custody:DepositKey).</summary>
    public static readonly byte[] DepositKey = Keccak256.HashUtf8("custody-deposit-watcher-key");

    public Commerce.Chain.JsonRpc.EthClient Eth => _anvil.Eth;

    public IServiceProvider Services => _host!.Services;

    public IGrainStore Store => Services.GetRequiredService<IGrainStore>();

    public EventProducer Producer => Services.GetRequiredService<EventProducer>();

    public async Task InitializeAsync()
    {
        await _anvil.InitializeAsync();
        await _anvil.Anvil.SetBalanceAsync(HotKey.Address, Ether * 100);
        Admin = await NewActorAsync(100);
        Items = await GameItemContract.DeployAsync(Admin.Sender, Eth, "Custody Items", "CUST", "https://items.example/c/", Admin.Address);
        await Items.GrantRoleAsync(Admin.Sender, ContractRoles.Minter, HotKey.Address);
        await Items.GrantRoleAsync(Admin.Sender, ContractRoles.Minter, Admin.Address);   // to mint outside the platform
        _startBlock = await Eth.GetBlockNumberAsync();
        await StartHostAsync();
        _miner = Task.Run(MineAsync);
    }

    /// <summary>
    /// Stops the host at once, as if the process died (nothing is given time to finish), and starts a new one on the
    /// same database: a new embedded Kafka cluster (a new broker epoch), the grains, executor and watcher resuming
    /// from what was committed.
    /// </summary>
    public async Task RestartAsync()
    {
        await _host!.StopAsync(new CancellationToken(canceled: true));
        _host.Dispose();
        await StartHostAsync();
    }

    private async Task StartHostAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kafka:BootstrapServers"] = "",
            ["Kafka:SessionTimeoutMs"] = "6000",
            ["Store:Provider"] = "sqlite",
            ["Store:ConnectionString"] = $"Data Source={Path.Combine(_directory, "custody.db")}",
            ["Execution:Enabled"] = "true",
            ["Execution:RpcUrl"] = _anvil.Endpoint.ToString(),
            ["Execution:ChainId"] = AnvilFixture.ChainId.ToString(CultureInfo.InvariantCulture),
            ["Execution:ConfirmationDepth"] = "2",
            ["Execution:PollInterval"] = "00:00:00.100",
            ["Execution:HotWallet:PrivateKey"] = HotKey.ExportHex(),
            // The order grains mark their mint commands; the executor allows mints on this collection from them.
            ["Orders:CommandKey"] = Convert.ToBase64String(Keccak256.HashUtf8("custody-orders-command-key")),
            // The deposit watcher marks its observations; the custodial accounts credit only marked ones.
            ["Custody:DepositKey"] = Convert.ToBase64String(DepositKey),
            ["Pricing:Collections:items:Contract"] = Items.Address.ToString(),
            // Deposits: the custody address, the node and "enabled" follow the executor's settings.
            ["Deposits:Confirmations"] = "2",
            ["Deposits:PollInterval"] = "00:00:00.100",
            ["Deposits:StartBlock"] = _startBlock.ToString(CultureInfo.InvariantCulture),
        });
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Warning);
        builder.AddGrainPlatform();
        builder.Services.AddTransactionExecutor(builder.Configuration);
        builder.Services.AddDepositWatcher(builder.Configuration);
        builder.Services.AddDeliveryRouter();
        _host = builder.Build();
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_miner is not null)
            await _miner;
        if (_host is not null)
        {
            await _host.StopAsync(TimeSpan.FromSeconds(10));
            _host.Dispose();
        }
        await _anvil.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>
    /// Holds every block, automined ones too, until the returned handle is disposed: a transaction sent meanwhile stays
    /// pending, so a test can act while it is neither mined nor confirmed, however fast the platform is.
    /// </summary>
    public async Task<IAsyncDisposable> HoldBlocksAsync()
    {
        _mining = false;
        await _anvil.Anvil.SetAutomineAsync(false);
        return new BlockHold(this);
    }

    private sealed class BlockHold(CustodyPlatform platform) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await platform._anvil.Anvil.SetAutomineAsync(true);
            platform._mining = true;
        }
    }

    /// <summary>Stops (false) or restarts (true) the background block production; automining goes on either way.</summary>
    public bool Mining
    {
        get => _mining;
        set => _mining = value;
    }

    public async Task<Actor> NewActorAsync(int ether = 10)
    {
        var key = EthPrivateKey.Generate();
        await _anvil.Anvil.SetBalanceAsync(key.Address, Ether * ether);
        return new Actor(key, new SigningContractSender(Eth, key, AnvilFixture.ChainId) { ReceiptPollInterval = TimeSpan.FromMilliseconds(10) });
    }

    public static BigInteger NewTokenId() => Interlocked.Increment(ref _nextTokenId);

    public static string Wallet(Actor player) => player.Address.ToLowerHex();

    /// <summary>Sends <paramref name="wei"/> as plain ETH from the player's wallet to the custody address; returns the transaction hash.</summary>
    public async Task<string> DepositAsync(Actor player, BigInteger wei)
    {
        var receipt = await player.Sender.SendAsync(new ContractCall { To = Custody, Data = [], Value = wei, Description = "deposit" });
        return receipt.TransactionHash.ToLowerInvariant();
    }

    /// <summary>Lists item "custody:&lt;tokenId&gt;" in the catalog (its NftItem grain), and waits until it is listed.</summary>
    public async Task<string> ListItemAsync(BigInteger tokenId)
    {
        var itemId = $"custody:{tokenId}";
        await Producer.PublishAsync(TopicCatalog.ItemEvents, itemId,
            new ItemListed(itemId, "custody", tokenId.ToString(CultureInfo.InvariantCulture), "rare", 1, 1, 0.5m, "ETH", null));
        await Eventually.Until(async () => await ItemAsync(itemId) is { Listed: true }, Deadline, () => $"item {itemId} listed");
        return itemId;
    }

    /// <summary>Places a custodial order for the item (as the API does after checking the quote); returns the order id.</summary>
    public async Task<string> PlaceOrderAsync(Actor player, string itemId, BigInteger tokenId, BigInteger price)
    {
        var orderId = "0x" + Convert.ToHexStringLower(CheckoutQuote.NewNonce());
        var wallet = Wallet(player);
        var quote = new OrderQuote(Items.Address.ToString(), tokenId.ToString(CultureInfo.InvariantCulture), player.Address.ToString(),
            EthAddress.Zero.ToString(), price.ToString(CultureInfo.InvariantCulture), 1, DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds(), orderId);
        await Producer.PublishAsync(TopicCatalog.OrderEvents, orderId,
            new OrderPlaced(orderId, wallet, wallet, itemId, quote, "0x" + new string('0', 130), OrderGrain.CustodialKind, $"key-{orderId}"));
        return orderId;
    }

    public Task PublishAsync(TopicDefinition topic, EventEnvelope envelope) => Producer.PublishAsync(topic, envelope);

    public Task PublishAsync(TopicDefinition topic, string key, IEvent payload) => Producer.PublishAsync(topic, key, payload);

    public async Task<OrderState?> OrderAsync(string orderId)
    {
        var stored = await Store.LoadStateAsync(OrderGrain.TypeName, orderId, CancellationToken.None);
        return stored is null ? null : JsonSerializer.Deserialize(stored.Json, GrainJsonContext.Default.OrderState);
    }

    public async Task<CustodyAccountState?> AccountAsync(Actor player)
    {
        var stored = await Store.LoadStateAsync(CustodyAccountGrain.TypeName, Wallet(player), CancellationToken.None);
        return stored is null ? null : JsonSerializer.Deserialize(stored.Json, GrainJsonContext.Default.CustodyAccountState);
    }

    public async Task<NftItemState?> ItemAsync(string itemId)
    {
        var stored = await Store.LoadStateAsync(NftItemGrain.TypeName, itemId, CancellationToken.None);
        return stored is null ? null : JsonSerializer.Deserialize(stored.Json, GrainJsonContext.Default.NftItemState);
    }

    /// <summary>Waits until the order reached <paramref name="status"/>, failing with the order's history otherwise.</summary>
    public async Task<OrderState> WaitOrderAsync(string orderId, string status)
    {
        OrderState? order = null;
        await Eventually.Until(async () => (order = await OrderAsync(orderId))?.Status == status, Deadline,
            () => $"order {orderId} {status}; it is {order?.Status ?? "unknown"}: {string.Join(" | ", order?.History.Select(h => $"{h.Event} {h.From}->{h.To} {h.Detail}") ?? [])}");
        return order!;
    }

    /// <summary>Waits until the player's available balance is <paramref name="available"/> wei with nothing held.</summary>
    public async Task<CustodyAccountState> WaitBalanceAsync(Actor player, BigInteger available, BigInteger? held = null)
    {
        CustodyAccountState? account = null;
        var want = available.ToString(CultureInfo.InvariantCulture);
        var wantHeld = (held ?? BigInteger.Zero).ToString(CultureInfo.InvariantCulture);
        await Eventually.Until(async () => (account = await AccountAsync(player)) is { } a && a.Available == want && a.Held == wantHeld, Deadline,
            () => $"{Wallet(player)} with {want} wei available and {wantHeld} held; it has {account?.Available ?? "no account"} available, {account?.Held ?? "-"} held");
        return account!;
    }

    /// <summary>Waits until every outbox row of the grain store is published (what was decided has been sent).</summary>
    public Task WaitOutboxEmptyAsync() =>
        Eventually.Until(async () => await Store.CountOutboxAsync(CancellationToken.None) == 0, Deadline, () => "an empty outbox");

    private async Task MineAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(150));
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                if (!_mining)
                    continue;
                try
                {
                    await _anvil.Anvil.MineAsync();
                }
                catch (HttpRequestException)
                {
                    // the node is going away at the end of the run
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
