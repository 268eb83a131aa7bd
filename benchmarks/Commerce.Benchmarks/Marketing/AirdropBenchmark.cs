using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using Commerce.Benchmarks.Chain;
using Commerce.Chain.Contracts;
using Commerce.Chain.Contracts.Messages;
using Commerce.Chain.Crypto;
using Commerce.Chain.JsonRpc;
using Commerce.Chain.Node;
using Commerce.Chain.Transactions;
using Commerce.Events.Chain;
using Commerce.Events.Envelope;
using Commerce.Events.Topics;
using Commerce.Execution.Executor;
using Commerce.Execution.Keys;
using Commerce.Execution.Policy;
using Commerce.Execution.Storage;
using Commerce.Marketing.Campaigns;
using Commerce.Messaging.Configuration;
using Commerce.Messaging.Embedded;
using Commerce.Messaging.Producing;
using Microsoft.Extensions.Options;
using Nethereum.Contracts;

namespace Commerce.Benchmarks.Marketing;

/// <summary>
/// ./run bench airdrops [--airdrops N] [--batch B]: on Anvil with 1 s blocks and its default 30M gas per block, N airdrops
/// (one token per wallet, every wallet distinct) as the campaign grains send them: GameItem.mintBatch commands of B
/// mints (<see cref="CampaignMints.Command"/>, kind airdrop-mint, requester "marketing" with its HMAC) through Kafka and
/// the executor with its allow-list, timed from the first command produced to the last one confirmed (depth 2); next to
/// it, as the baseline, the same batches pre-signed and sent raw by another key, timed to their last receipt. Gas per
/// mint is read from the receipts (gasUsed / mints), and every token is checked to be its wallet's on chain.
/// </summary>
public static class AirdropBenchmark
{
    // Anvil's funded accounts, as the chain benchmark uses them.
    private static readonly EthPrivateKey HotKey = ExecutorBenchmark.HotKey;
    private static readonly EthPrivateKey RawKey = ExecutorBenchmark.RawKey;
    private static readonly EthPrivateKey AdminKey = ExecutorBenchmark.AdminKey;
    private static readonly byte[] MarketingKey = Keccak256.HashUtf8("bench-marketing-requester");

    public static async Task<int> RunAsync(string[] args)
    {
        var airdrops = ExecutorBenchmark.Option(args, "--airdrops", 6000);
        var batch = ExecutorBenchmark.Option(args, "--batch", 100);
        var gas = new CampaignOptions();
        Console.WriteLine($"airdrops benchmark: Anvil, 1 s blocks, 30M gas each; {airdrops:N0} airdrops in mintBatch commands of {batch} "
            + $"(gas limit {gas.BatchBaseGas:N0} + {gas.PerMintGas:N0} per mint, the campaigns' defaults); load before: {File.ReadAllText("/proc/loadavg").Trim()}");

        await using var anvil = await AnvilNode.StartAsync(AnvilNode.FindBinary(), ["--block-time", "1"]);
        using var http = new HttpClient();
        var rpc = new JsonRpcClient(http, new JsonRpcClientOptions { Endpoint = anvil.Endpoint, MaxRetries = 4 });
        var eth = new EthClient(rpc);
        var admin = new SigningContractSender(eth, AdminKey, 31337) { ReceiptPollInterval = TimeSpan.FromMilliseconds(50) };
        var items = await GameItemContract.DeployAsync(admin, eth, "Bench Airdrops", "DROP", "commerce://bench/", AdminKey.Address);
        await items.GrantRoleAsync(admin, ContractRoles.Minter, HotKey.Address);
        await items.GrantRoleAsync(admin, ContractRoles.Minter, RawKey.Address);

        // Baseline: the same batches, pre-signed, sent raw; timed to the last receipt.
        var rawBatches = Batches(0, airdrops, batch);
        var (rawSeconds, rawGas) = await RawAsync(eth, items.Address, rawBatches, gas);
        var rawMints = rawBatches.Sum(b => b.Count);
        Console.WriteLine($"raw: {rawMints:N0} airdrops in {rawBatches.Count} mintBatch transactions confirmed in {rawSeconds:F1} s = {rawMints / rawSeconds:N0}/s; "
            + $"gas per mint {rawGas / (double)rawMints:N0} (receipts: {rawGas:N0} gas in all)");

        using var cluster = EmbeddedKafkaCluster.Start(1, TopicCatalog.All);
        using var connection = new KafkaConnection(Options.Create(new KafkaOptions { BootstrapServers = cluster.BootstrapServers }));
        using var producer = new EventProducer(connection);
        var directory = Path.Combine(Path.GetTempPath(), $"commerce-airdrop-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var store = new SqliteExecutorStore($"Data Source={Path.Combine(directory, "executor.db")}", TimeProvider.System);
        await store.InitializeAsync(default);
        var options = new ExecutorOptions { RpcUrl = anvil.Endpoint.ToString(), ChainId = 31337, ConfirmationDepth = 2, PollInterval = TimeSpan.FromMilliseconds(250) };
        // The allow-list entry a host builds for its campaign grains (MarketingCommandPolicy): mintBatch on the collection only.
        options.Policy.Requesters[ChainCommandKinds.MarketingRequester] = Convert.ToBase64String(MarketingKey);
        options.Policy.Kinds[ChainCommandKinds.AirdropMint] = new KindRule
        {
            Requesters = [ChainCommandKinds.MarketingRequester], Contracts = [items.Address.ToString()], Selectors = [MarketingCommandPolicy.MintBatchSelector],
        };
        var executor = new TransactionExecutor(options, new HotWallet(HotKey), store, rpc, TimeProvider.System, new WarningConsoleLoggers());
        await executor.StartAsync(default);
        using var stop = new CancellationTokenSource();
        var tracker = executor.RunTrackerAsync(stop.Token);
        var consumer = executor.RunConsumerAsync(connection, "bench", stop.Token);

        // Warm-up: one batch through every stage before timing starts.
        var warm = Batches(airdrops, batch, batch);
        Produce(producer, items.Address, "warm", warm, gas);
        await Deadline.UntilAsync(() => executor.Metrics.Confirmed >= 1, TimeSpan.FromMinutes(2), "warm-up batch confirmed", TimeSpan.FromMilliseconds(20));

        var timed = Batches(airdrops + batch, airdrops, batch);
        var cpu = CpuUse.Start(anvil);
        var clock = Stopwatch.StartNew();
        Produce(producer, items.Address, "campaign", timed, gas);
        await Deadline.UntilAsync(() => executor.Metrics.Confirmed >= 1 + timed.Count, TimeSpan.FromMinutes(10), "every airdrop batch confirmed",
            TimeSpan.FromMilliseconds(20));
        var seconds = clock.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await Task.WhenAll(tracker.ContinueWith(_ => { }), consumer.ContinueWith(_ => { }));

        var commands = (await store.LoadAllAsync(HotKey.Address, default)).Where(c => c.CommandId.StartsWith("campaign:bench:campaign", StringComparison.Ordinal)).ToList();
        var usedGas = 0UL;
        foreach (var command in commands)
            usedGas += (await eth.GetTransactionReceiptAsync(command.MinedHash!))!.GasUsed;
        var mints = timed.Sum(b => b.Count);
        var owned = await OwnedAsync(items, timed);
        var ok = commands.Count == timed.Count && commands.All(c => c.Status == CommandStatus.Confirmed && c.Succeeded == true) && owned == mints;
        Console.WriteLine($"executor: {mints:N0} airdrops in {commands.Count} mintBatch commands Kafka -> executor -> node, confirmed (depth 2) in {seconds:F1} s "
            + $"= {mints / seconds:N0}/s (goal >= 300/s; {mints / seconds / (rawMints / rawSeconds):P0} of raw); gas per mint {usedGas / (double)mints:N0} "
            + $"(limit given {gas.PerMintGas:N0} + {gas.BatchBaseGas / (double)batch:N0} of the batch's base); every token its wallet's on chain: {owned == mints} ({owned:N0}); {cpu}");
        Console.WriteLine($"load after: {File.ReadAllText("/proc/loadavg").Trim()}");
        await store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
        return ok && mints / seconds >= 300 ? 0 : 1;
    }

    /// <summary>Batches of distinct wallets, one token each: airdrop i goes to the wallet derived from i, token id i + 1.</summary>
    private static List<List<(string Wallet, IReadOnlyList<string> TokenIds)>> Batches(int from, int count, int size) =>
        [.. Enumerable.Range(from, count).Select(i => (Wallet: Wallet(i), TokenIds: (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture)]))
            .Chunk(size).Select(c => c.ToList())];

    private static string Wallet(int i) => EthAddress.FromBytes(Keccak256.HashUtf8($"airdrop-wallet-{i}").AsSpan(12)).ToString();

    private static void Produce(EventProducer producer, EthAddress collection, string name, List<List<(string Wallet, IReadOnlyList<string> TokenIds)>> batches, CampaignOptions gas)
    {
        for (var n = 0; n < batches.Count; n++)
        {
            var id = $"campaign:bench:{name}:batch:{n}";
            var command = ChainCommandMac.Sign(CampaignMints.Command(id, collection.ToString(), batches[n], CampaignMints.GasLimit(batches[n].Count, gas)),
                ChainCommandKinds.MarketingRequester, MarketingKey);
            producer.Produce(TopicCatalog.ChainCommands.Name, id, EnvelopeSerializer.Serialize(EventEnvelope.Create(id, command, DateTimeOffset.UtcNow)), _ => { });
        }
        producer.Flush(TimeSpan.FromSeconds(30));
    }

    private static async Task<(double Seconds, ulong Gas)> RawAsync(EthClient eth, EthAddress collection, List<List<(string Wallet, IReadOnlyList<string> TokenIds)>> batches, CampaignOptions gas)
    {
        var start = await eth.GetTransactionCountAsync(RawKey.Address, BlockTag.Pending);
        var raws = batches.Select((b, n) => new Eip1559Transaction
        {
            ChainId = 31337, Nonce = start + (ulong)n, MaxFeePerGas = 20_000_000_000, MaxPriorityFeePerGas = 1_000_000_000,
            GasLimit = (ulong)CampaignMints.GasLimit(b.Count, gas), To = collection,
            Data = Convert.FromHexString(CampaignMints.Command("raw", collection.ToString(), b, 0).Data[2..]),
        }.SignWith(RawKey)).ToList();
        var clock = Stopwatch.StartNew();
        var hashes = new List<string>();
        foreach (var raw in raws)
            hashes.Add(await eth.SendRawTransactionAsync(raw.Raw));
        var used = 0UL;
        foreach (var hash in hashes)
        {
            var receipt = await eth.WaitForReceiptAsync(hash, TimeSpan.FromMinutes(5), TimeSpan.FromMilliseconds(50));
            if (!receipt.Succeeded)
                throw new InvalidOperationException($"raw mintBatch {hash} reverted");
            used += receipt.GasUsed;
        }
        return (clock.Elapsed.TotalSeconds, used);
    }

    /// <summary>How many of the batches' tokens their wallet owns on chain (ownerOf for each).</summary>
    private static async Task<int> OwnedAsync(GameItemContract items, List<List<(string Wallet, IReadOnlyList<string> TokenIds)>> batches)
    {
        var owned = 0;
        foreach (var (wallet, tokens) in batches.SelectMany(b => b))
            owned += await items.OwnerOfAsync(BigInteger.Parse(tokens[0], CultureInfo.InvariantCulture)) == EthAddress.Parse(wallet, "wallet") ? 1 : 0;
        return owned;
    }
}
