using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using Commerce.Chain.Contracts;
using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;
using Commerce.Chain.Node;
using Commerce.Chain.JsonRpc;
using Commerce.Chain.Transactions;
using Commerce.Events.Chain;
using Commerce.Events.Envelope;
using Commerce.Events.Topics;
using Commerce.Execution.Executor;
using Commerce.Execution.Policy;
using Commerce.Execution.Keys;
using Commerce.Execution.Storage;
using Commerce.Messaging.Configuration;
using Commerce.Messaging.Embedded;
using Commerce.Messaging.Producing;
using Commerce.Testing.Crypto;
using Microsoft.Extensions.Options;
using Commerce.Chain.Contracts.Messages;
using Nethereum.Contracts;

namespace Commerce.Benchmarks.Chain;

/// <summary>
/// ./run bench chain [--seconds N] [--rate N] [--burst N]: in one run, against Anvil with 1 s blocks
/// and the embedded Kafka cluster, every transaction an ERC-721 mint of the GameItem contract:
/// (1) signatures/s of our signer next to a bare libsecp256k1 loop; (2) a raw loop sending
/// pre-signed mints as fast as Anvil takes them; (3) the executor fed the same number of mint
/// commands at once through Kafka (accepted by the node per second, the ratio to the raw loop);
/// (4) the executor fed at a steady rate for N seconds (accepted and confirmed per second), then a
/// check that nonces are contiguous and every token was minted once, to the right owner. Prints
/// the figures; exit code 1 when a goal is missed.
/// </summary>
public static class ExecutorBenchmark
{
    internal static readonly EthPrivateKey HotKey = EthPrivateKey.FromHex("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    internal static readonly EthPrivateKey RawKey = EthPrivateKey.FromHex("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
    internal static readonly EthPrivateKey AdminKey = EthPrivateKey.FromHex("0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a");

    /// <summary>Enough for a mint with an empty URI (about 75,000 gas used), so neither side estimates.</summary>
    private const ulong MintGas = 150_000;

    /// <summary>The executor's tokens count from 1; the raw loop's from here, so the two never collide.</summary>
    private const int RawTokenBase = 1_000_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = Option(args, "--seconds", 20);
        var rate = Option(args, "--rate", 400);
        var burst = Option(args, "--burst", 6000);
        var batch = Option(args, "--batch", 250);
        Console.WriteLine($"chain benchmark: Anvil with 1 s blocks, burst {burst}, steady {rate}/s for {seconds} s, sends batched by {batch}");

        // Hashes signed through Nethereum's external-signer interface, as the executor's transactions are.
        var signer = new Secp256k1ExternalSigner(HotKey);
        var signing = SigningComparison.Measure(HotKey, hash => signer.SignAsync(hash).GetAwaiter().GetResult().V[0], 2000, 10);
        Console.WriteLine($"signing: ours (Nethereum external signer over libsecp256k1) {signing.SignerPerSecond:N0}/s, bare libsecp256k1 {signing.BarePerSecond:N0}/s, ratio {signing.MedianRatio:P0} (goal >= 90%)");

        await using var anvil = await AnvilNode.StartAsync(AnvilNode.FindBinary(), ["--block-time", "1", "--gas-limit", "300000000"]);
        using var http = new HttpClient();
        var rpc = new JsonRpcClient(http, new JsonRpcClientOptions { Endpoint = anvil.Endpoint, MaxRetries = 4 });
        var eth = new EthClient(rpc);

        var admin = new SigningContractSender(eth, AdminKey, 31337) { ReceiptPollInterval = TimeSpan.FromMilliseconds(50) };
        var items = await GameItemContract.DeployAsync(admin, eth, "Bench Items", "BENCH", "commerce://bench/", AdminKey.Address);
        await items.GrantRoleAsync(admin, ContractRoles.Minter, HotKey.Address);
        await items.GrantRoleAsync(admin, ContractRoles.Minter, RawKey.Address);

        var cpu = CpuUse.Start(anvil);
        var raw = await RawLoopAsync(eth, items.Address, burst, batch);
        Console.WriteLine($"raw loop: {burst} pre-signed mints accepted at {raw:N0}/s ({cpu})");

        using var cluster = EmbeddedKafkaCluster.Start(1, TopicCatalog.All);
        using var connection = new KafkaConnection(Options.Create(new KafkaOptions { BootstrapServers = cluster.BootstrapServers, MaxBatchSize = batch }));
        using var producer = new EventProducer(connection);
        var directory = Path.Combine(Path.GetTempPath(), $"commerce-chain-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var store = new SqliteExecutorStore($"Data Source={Path.Combine(directory, "executor.db")}", TimeProvider.System);
        await store.InitializeAsync(default);
        var options = new ExecutorOptions
        {
            RpcUrl = anvil.Endpoint.ToString(), ChainId = 31337, ConfirmationDepth = 2, MaxInFlightPerSender = 20_000, MaxChunk = batch,
            PollInterval = TimeSpan.FromMilliseconds(250),
        };
        // The executor checks every command's HMAC and allow-list, as in production: the benchmark is the order grains.
        options.Policy.Requesters[ChainCommandKinds.OrdersRequester] = Convert.ToBase64String(RequesterKey);
        options.Policy.Kinds[ChainCommandKinds.Mint] = new KindRule
        {
            Requesters = [ChainCommandKinds.OrdersRequester], Contracts = [items.Address.ToString()], Selectors = [MintSelector(items.Address)],
        };
        var executor = new TransactionExecutor(options, new HotWallet(HotKey), store, rpc, TimeProvider.System, new WarningConsoleLoggers());
        await executor.StartAsync(default);
        using var stop = new CancellationTokenSource();
        var tracker = executor.RunTrackerAsync(stop.Token);
        var consumer = executor.RunConsumerAsync(connection, "bench", stop.Token);
        var recipient = EthAddress.FromBytes(Keccak256.HashUtf8("bench-recipient").AsSpan(12));

        // Warm-up: the consumer group has joined and every stage has run once before timing starts.
        const int warmUp = 100;
        Produce(producer, items.Address, recipient, 0, warmUp);
        await WaitAsync(() => executor.Metrics.Confirmed >= warmUp, TimeSpan.FromMinutes(2), "warm-up confirmed");

        // Burst: as many commands as the raw loop sent, all at once.
        var burstCommands = Commands(items.Address, recipient, warmUp, burst);
        cpu = CpuUse.Start(anvil);
        var clock = Stopwatch.StartNew();
        Produce(producer, burstCommands);
        await WaitAsync(() => executor.Metrics.Submitted >= warmUp + burst, TimeSpan.FromMinutes(5), "burst submitted");
        var burstRate = burst / clock.Elapsed.TotalSeconds;
        Console.WriteLine($"executor burst: {burst} mint commands Kafka -> store -> node at {burstRate:N0}/s, {burstRate / raw:P0} of the raw loop (goal >= 70%) ({cpu})");
        await WaitAsync(() => executor.Metrics.Confirmed >= warmUp + burst, TimeSpan.FromMinutes(5), "burst confirmed");

        // Steady: `rate` commands per second for `seconds`.
        var submittedBefore = executor.Metrics.Submitted;
        var confirmedBefore = executor.Metrics.Confirmed;
        var total = rate * seconds;
        clock.Restart();
        for (var second = 0; second < seconds; second++)
        {
            Produce(producer, items.Address, recipient, warmUp + burst + second * rate, rate);
            var next = TimeSpan.FromSeconds(second + 1) - clock.Elapsed;
            if (next > TimeSpan.Zero)
                await Task.Delay(next);
        }
        var offeredFor = clock.Elapsed;
        var steadySubmitted = (executor.Metrics.Submitted - submittedBefore) / offeredFor.TotalSeconds;
        await WaitAsync(() => executor.Metrics.Confirmed - confirmedBefore >= total, TimeSpan.FromMinutes(5), "steady confirmed");
        var steadyConfirmed = total / clock.Elapsed.TotalSeconds;
        Console.WriteLine($"executor steady: offered {rate} mints/s for {seconds} s; accepted by the node {steadySubmitted:N0}/s; all {total} confirmed (depth 2) at {steadyConfirmed:N0}/s overall");

        await stop.CancelAsync();
        await Task.WhenAll(tracker.ContinueWith(_ => { }), consumer.ContinueWith(_ => { }));
        var all = await store.LoadAllAsync(HotKey.Address, default);
        var expected = warmUp + burst + total;
        var contiguous = all.Select(c => c.Nonce!.Value).SequenceEqual(Enumerable.Range(0, expected).Select(i => (ulong)i));
        var chainNonce = await eth.GetTransactionCountAsync(HotKey.Address);
        var owned = await items.BalanceOfAsync(recipient);
        var minted = await CountMintsAsync(eth, items, recipient);
        var exactlyOnce = all.Count == expected && chainNonce == (ulong)expected && owned == expected
            && minted.Count == expected && minted.Distinct().Count() == expected
            && all.All(c => c.Status == CommandStatus.Confirmed && c.Succeeded == true);
        var statuses = string.Join(", ", all.GroupBy(c => c.Status).Select(g => $"{g.Key.ToString().ToLowerInvariant()} {g.Count()}"));
        Console.WriteLine($"check: {all.Count} commands ({statuses}), nonces 0..{expected - 1} contiguous: {contiguous}; chain nonce {chainNonce}; " +
                          $"{minted.Count} Transfer-from-zero logs for {minted.Distinct().Count()} distinct tokens, recipient owns {owned}: exactly once: {exactlyOnce}");
        await store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);

        var ok = signing.MedianRatio >= 0.9 && burstRate >= 0.7 * raw && steadyConfirmed >= 300 && contiguous && exactlyOnce;
        Console.WriteLine(ok ? "all goals met" : "a goal was missed");
        return ok ? 0 : 1;
    }

    private static async Task<double> RawLoopAsync(EthClient eth, EthAddress collection, int count, int batchSize)
    {
        var start = await eth.GetTransactionCountAsync(RawKey.Address, BlockTag.Pending);
        var to = EthAddress.FromBytes(Keccak256.HashUtf8("raw-recipient").AsSpan(12));
        var raws = Enumerable.Range(0, count).Select(i => new Eip1559Transaction
        {
            ChainId = 31337, Nonce = start + (ulong)i, MaxFeePerGas = 20_000_000_000, MaxPriorityFeePerGas = 1_000_000_000, GasLimit = MintGas,
            To = collection, Data = new GameItemFunctions.Mint { To = to.ToString(), TokenId = RawTokenBase + i }.GetCallData(),
        }.SignWith(RawKey).Raw).ToList();
        var clock = Stopwatch.StartNew();
        foreach (var part in raws.Chunk(batchSize))
        {
            var batch = eth.Rpc.CreateBatch();
            var calls = part.Select(r => batch.Add(EthRpc.SendRawTransaction(r))).ToList();
            await batch.SendAsync();
            await Task.WhenAll(calls);
        }
        return count / clock.Elapsed.TotalSeconds;
    }

    /// <summary>The benchmark's requester key (it stands for the order grains).</summary>
    private static readonly byte[] RequesterKey = Keccak256.HashUtf8("bench-orders-requester");

    /// <summary>The selector of the mint call the commands carry.</summary>
    private static string MintSelector(EthAddress collection) =>
        HexString.Encode(new GameItemFunctions.Mint { To = collection.ToString(), TokenId = 1 }.GetCallData().AsSpan(0, 4));

    /// <summary>Mint commands for tokens from + 1 .. from + count, each its own command id, to <paramref name="to"/>.</summary>
    private static void Produce(EventProducer producer, EthAddress collection, EthAddress to, int from, int count) =>
        Produce(producer, Commands(collection, to, from, count));

    /// <summary>
    /// The commands' records, encoded ahead: the burst times the executor, as the raw loop times pre-signed sends (the
    /// requester's call-data encoding, Nethereum's reflection-based ABI encoder, is not the executor's work).
    /// </summary>
    private static List<(string Id, byte[] Record)> Commands(EthAddress collection, EthAddress to, int from, int count)
    {
        var records = new List<(string, byte[])>(count);
        for (var i = from; i < from + count; i++)
        {
            var id = $"bench-{i}";
            var data = HexString.Encode(new GameItemFunctions.Mint { To = to.ToString(), TokenId = i + 1 }.GetCallData());
            var command = ChainCommandMac.Sign(new ChainCommandRequested(id, ChainCommandKinds.Mint, collection.ToString(), "0", data, MintGas, null),
                ChainCommandKinds.OrdersRequester, RequesterKey);
            records.Add((id, EnvelopeSerializer.Serialize(EventEnvelope.Create(id, command, DateTimeOffset.UtcNow))));
        }
        return records;
    }

    private static void Produce(EventProducer producer, List<(string Id, byte[] Record)> records)
    {
        foreach (var (id, record) in records)
            producer.Produce(TopicCatalog.ChainCommands.Name, id, record, _ => { });
        producer.Flush(TimeSpan.FromSeconds(30));
    }

    /// <summary>The token ids minted to <paramref name="to"/>, one per Transfer log from the zero address (a repeat would show twice).</summary>
    private static async Task<List<BigInteger>> CountMintsAsync(EthClient eth, GameItemContract items, EthAddress to)
    {
        var latest = await eth.GetBlockNumberAsync();
        var minted = new List<BigInteger>();
        for (ulong from = 0; from <= latest; from += 500)
        {
            var logs = await eth.GetLogsAsync(new LogFilter { Addresses = [items.Address], FromBlock = BlockTag.Number(from), ToBlock = BlockTag.Number(Math.Min(latest, from + 499)) });
            minted.AddRange(items.DecodeTransfers(logs).Where(t => t.From == EthAddress.Zero && t.To == to).Select(t => t.TokenId));
        }
        return minted;
    }

    private static Task WaitAsync(Func<bool> condition, TimeSpan timeout, string what) =>
        Deadline.UntilAsync(condition, timeout, what, TimeSpan.FromMilliseconds(20));

    internal static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        if (i < 0)
            return fallback;
        return i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{name} needs a positive whole number", name);
    }
}
