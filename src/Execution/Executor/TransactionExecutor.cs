using System.Diagnostics;
using Commerce.Chain.JsonRpc;
using Commerce.Events.Topics;
using Commerce.Execution.Gas;
using Commerce.Execution.Keys;
using Commerce.Execution.Nonces;
using Commerce.Execution.Storage;
using Commerce.Messaging.Configuration;
using Commerce.Messaging.Consuming;
using Microsoft.Extensions.Logging;

namespace Commerce.Execution.Executor;

/// <summary>
/// The executor's parts wired together for one hot wallet: acceptor (command topic -> store),
/// tracker (store <-> chain), nonce manager, gas oracle, signals and metrics. The hosted service
/// (<see cref="ExecutorHost"/>), the CLI and the benchmark all build it the same way.
/// </summary>
public sealed partial class TransactionExecutor
{
    private readonly ILogger _logger;

    public TransactionExecutor(ExecutorOptions options, HotWallet wallet, IExecutorStore store, JsonRpcClient rpc, TimeProvider clock, ILoggerFactory loggers)
    {
        options.Validate();
        Options = options;
        Store = store;
        Clock = clock;
        Eth = new EthClient(rpc);
        Nonces = new NonceManager(store, Eth);
        Oracle = new GasOracle(Eth, options, clock);
        Factory = new TransactionFactory(wallet, options.ChainId, clock);
        _logger = loggers.CreateLogger("Commerce.Execution");
        var handoff = new AcceptedHandoff(options.MaxInFlightPerSender + options.MaxChunk);
        var policy = new Policy.CommandPolicy(options.Policy);
        var events = new LifecycleEvents(policy);
        Acceptor = new CommandAcceptor(store, Nonces, Oracle, Factory, Eth, options, policy, events, Signals, Metrics, clock, _logger, handoff);
        Tracker = new SenderTracker(store, Eth, Oracle, Factory, options, Signals, Metrics, clock, _logger, events, handoff);
    }

    public ExecutorOptions Options { get; }

    public IExecutorStore Store { get; }

    public TimeProvider Clock { get; }

    public EthClient Eth { get; }

    public NonceManager Nonces { get; }

    public GasOracle Oracle { get; }

    public TransactionFactory Factory { get; }

    public CommandAcceptor Acceptor { get; }

    public SenderTracker Tracker { get; }

    public ExecutorSignals Signals { get; } = new();

    public ExecutorMetrics Metrics { get; } = new();

    public Chain.Crypto.EthAddress Sender => Factory.Sender;

    /// <summary>Checks the node's chain id and resyncs the sender's nonce (upwards only).</summary>
    public async Task StartAsync(CancellationToken ct)
    {
        var chainId = await Eth.GetChainIdAsync(ct);
        if (chainId != Options.ChainId)
            throw new InvalidOperationException($"{ExecutorOptions.Section}:ChainId is {Options.ChainId} but the node at the RPC endpoint serves chain {chainId}");
        var state = await Nonces.ResyncAsync(Sender, ct);
        LogStarted(Sender.ToString(), state.StoredNext ?? 0, state.ChainLatest, state.ChainPending, state.Open);
    }

    /// <summary>Runs tracker passes until <paramref name="ct"/> fires: at once when commands are accepted, the chain every PollInterval.</summary>
    public async Task RunTrackerAsync(CancellationToken ct)
    {
        var sinceObserved = Stopwatch.StartNew();
        var first = true;
        var failures = 0;
        while (!ct.IsCancellationRequested)
        {
            var observe = first || sinceObserved.Elapsed >= Options.PollInterval;
            try
            {
                await Tracker.RunOnceAsync(observe, ct);
                failures = 0;
                if (observe)
                {
                    sinceObserved.Restart();
                    first = false;
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception)
            {
                failures++;
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5000, 100 * Math.Pow(2, Math.Min(failures, 6)))), ct);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                continue;
            }
            try
            {
                var wait = Options.PollInterval - sinceObserved.Elapsed;
                if (wait > TimeSpan.Zero)
                    await Signals.Accepted.WaitAsync(wait, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Joins the executor's consumer group on the command topic and accepts commands until <paramref name="ct"/> fires.</summary>
    public Task RunConsumerAsync(KafkaConnection connection, string epoch, CancellationToken ct)
    {
        var group = connection.GroupId("executor");
        var factory = new CommandProcessorFactory(Acceptor, Store, group, epoch);
        var consumer = new PartitionedConsumer(connection, group, [TopicCatalog.ChainCommands.Name], factory, _logger);
        return consumer.RunAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Executor for {Sender}: next nonce {Next}, chain latest {Latest}, pending {Pending}, {Open} open")]
    private partial void LogStarted(string sender, ulong next, ulong latest, ulong pending, int open);
}
