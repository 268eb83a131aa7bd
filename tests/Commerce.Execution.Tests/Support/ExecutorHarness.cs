using System.Numerics;
using Commerce.Chain.Crypto;
using Commerce.Chain.JsonRpc;
using Commerce.Events.Chain;
using Commerce.Events.Envelope;
using Commerce.Execution.Executor;
using Commerce.Execution.Keys;
using Commerce.Execution.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Commerce.Execution.Tests.Support;

/// <summary>
/// An executor over a real Anvil node and a real SQLite file, driven pass by pass by the test
/// (no Kafka): accept commands, run tracker passes, mine blocks, read the lifecycle events.
/// </summary>
public sealed class ExecutorHarness : IAsyncDisposable
{
    public static readonly EthPrivateKey HotKey = AnvilNode.DevKeys[0];

    private readonly TempSqlite _file;
    private readonly bool _ownsFile;

    private ExecutorHarness(AnvilNode node, TempSqlite file, bool ownsFile, SqliteExecutorStore store, TransactionExecutor executor, ManualClock clock)
    {
        Node = node;
        _file = file;
        _ownsFile = ownsFile;
        Store = store;
        Executor = executor;
        Clock = clock;
    }

    public AnvilNode Node { get; }

    public SqliteExecutorStore Store { get; }

    public TransactionExecutor Executor { get; }

    public ManualClock Clock { get; }

    public TempSqlite File => _file;

    public static async Task<ExecutorHarness> StartAsync(AnvilNode node, Action<ExecutorOptions>? configure = null, TempSqlite? file = null, JsonRpcClient? rpc = null)
    {
        var options = new ExecutorOptions
        {
            RpcUrl = node.Endpoint.ToString(),
            ChainId = AnvilNode.ChainId,
            ConfirmationDepth = 2,
            StuckAfter = TimeSpan.FromSeconds(60),
            PollInterval = TimeSpan.FromMilliseconds(50),
            FeeRefresh = TimeSpan.Zero,
            ReloadInterval = TimeSpan.Zero,
        };
        AllowTestCommands(options.Policy);
        configure?.Invoke(options);
        var ownsFile = file is null;
        file ??= new TempSqlite();
        var clock = new ManualClock();
        var store = new SqliteExecutorStore(file.ConnectionString, clock);
        await store.InitializeAsync(default);
        var executor = new TransactionExecutor(options, new HotWallet(HotKey), store, rpc ?? node.Rpc, clock, NullLoggerFactory.Instance);
        await executor.StartAsync(default);
        return new ExecutorHarness(node, file, ownsFile, store, executor, clock);
    }

    /// <summary>The tests' requester: it may ask for kind "transfer" (plain payouts to any address, up to 1,000 ETH).</summary>
    public const string TestRequester = "tests";

    /// <summary>The tests' requester key (32 bytes).</summary>
    public static readonly byte[] TestRequesterKey = Keccak256.HashUtf8("executor-tests-requester");

    /// <summary>Adds the tests' requester and its "transfer" kind to a policy.</summary>
    public static void AllowTestCommands(Commerce.Execution.Policy.CommandPolicyOptions policy)
    {
        policy.Requesters[TestRequester] = Convert.ToBase64String(TestRequesterKey);
        policy.Kinds["transfer"] = new Commerce.Execution.Policy.KindRule
        {
            Requesters = [TestRequester], AnyAddress = true, Selectors = [Commerce.Execution.Policy.KindRule.NoData], MaxValueWei = "1000000000000000000000",
        };
    }

    /// <summary>The command marked by the tests' requester.</summary>
    public static ChainCommandRequested Signed(ChainCommandRequested command) => ChainCommandMac.Sign(command, TestRequester, TestRequesterKey);

    /// <summary>A plain transfer, marked by the tests' requester.</summary>
    public static ChainCommandRequested Transfer(string id, EthAddress to, BigInteger wei, string? ceiling = null, ulong gas = 21_000, string data = "0x") =>
        Signed(new(id, "transfer", to.ToString(), wei.ToString(System.Globalization.CultureInfo.InvariantCulture), data, gas, ceiling));

    public Task AcceptAsync(params ChainCommandRequested[] commands) =>
        Executor.Acceptor.AcceptAsync(commands.Select((c, i) => new IncomingCommand(i, c)).ToList(), null, null, _ => { }, default);

    public Task PassAsync() => Executor.Tracker.RunOnceAsync(observeChain: true, default);

    /// <summary>Mines a block, then runs a tracker pass.</summary>
    public async Task MineAndPassAsync(int blocks = 1)
    {
        await Node.MineAsync(blocks);
        await PassAsync();
    }

    /// <summary>Every lifecycle event in the outbox, in commit order (not consumed).</summary>
    public async Task<List<ChainTransactionUpdated>> EventsAsync()
    {
        await using var lease = await Store.LeaseOutboxAsync(100_000, default);
        return lease.Records.SelectMany(r => r.Messages)
            .Select(m => EnvelopeSerializer.Deserialize(m.Value).Payload)
            .OfType<ChainTransactionUpdated>()
            .ToList();
    }

    public async Task<List<string>> StagesAsync(string commandId) =>
        (await EventsAsync()).Where(e => e.CommandId == commandId).Select(e => e.Stage).ToList();

    public async Task<ExecutorCommand> CommandAsync(string commandId) =>
        await Store.LoadCommandAsync(commandId, default) ?? throw new InvalidOperationException($"command {commandId} is not stored");

    /// <summary>A new executor over the same store file and node (a restart).</summary>
    public Task<ExecutorHarness> RestartAsync(Action<ExecutorOptions>? configure = null, JsonRpcClient? rpc = null) => StartAsync(Node, configure, _file, rpc);

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        if (_ownsFile)
            _file.Dispose();
    }
}
