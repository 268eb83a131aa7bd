using System.Globalization;
using Commerce.Chain.Contracts;
using Commerce.Chain.Crypto;
using Commerce.Chain.JsonRpc;
using Commerce.Chain.Node;
using Commerce.Host.Onchain;

namespace Commerce.Host.Embedded;

/// <summary>
/// The embedded dev chain of <c>commerce demo</c> (<c>Chain:Embedded</c>): an Anvil child process with the platform's
/// contracts deployed by Anvil's dev key 0 (one GameItem per collection, the test stablecoin "USDC", the Checkout
/// signing quotes with the platform's quote key), the hot wallet (dev key 1) granted OPERATOR_ROLE on the Checkout
/// and MINTER_ROLE on every collection, and the configuration that points the rest of the platform at it
/// (<see cref="Configuration"/>; custodial deposits go to the hot wallet). Disposing it kills the node.
/// </summary>
public sealed class DevChain : IAsyncDisposable
{
    /// <summary>Anvil's dev account 0 (mnemonic "test test ... junk"): deploys, administers and owns the stablecoin.</summary>
    public static readonly EthPrivateKey Deployer = EthPrivateKey.FromHex("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");

    /// <summary>Anvil's dev account 1: the platform's hot wallet (the executor's key).</summary>
    public static readonly EthPrivateKey HotWallet = EthPrivateKey.FromHex("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");

    /// <summary>Blocks a log (or transaction) must be deep on the dev chain to be confirmed.</summary>
    public const int Confirmations = 2;

    private readonly HttpClient _http;
    private int _disposed;

    private DevChain(AnvilNode node, HttpClient http, EthClient eth, EthPrivateKey quoteKey, CheckoutContract checkout,
        TestStablecoinContract stablecoin, IReadOnlyDictionary<string, GameItemContract> collections, ulong deployBlock, ChainOptions options)
    {
        Node = node;
        _http = http;
        Eth = eth;
        Anvil = new AnvilClient(eth.Rpc);
        QuoteKey = quoteKey;
        Checkout = checkout;
        Stablecoin = stablecoin;
        Collections = collections;
        DeployBlock = deployBlock;
        BlockTimeSeconds = options.BlockTimeSeconds;
        InstallmentIntervalSeconds = options.InstallmentIntervalSeconds;
        Configuration = BuildConfiguration();
    }

    public AnvilNode Node { get; }

    public EthClient Eth { get; }

    public AnvilClient Anvil { get; }

    /// <summary>The key the Checkout accepts quotes from (Pricing:QuoteKey).</summary>
    public EthPrivateKey QuoteKey { get; }

    public CheckoutContract Checkout { get; }

    public TestStablecoinContract Stablecoin { get; }

    /// <summary>Collection name -> its GameItem.</summary>
    public IReadOnlyDictionary<string, GameItemContract> Collections { get; }

    /// <summary>The block the deployment ended in (the watcher's start block).</summary>
    public ulong DeployBlock { get; }

    public int BlockTimeSeconds { get; }

    public int InstallmentIntervalSeconds { get; }

    /// <summary>The keys that point Pricing, Execution, Payments, Orders and Chain at this chain (added to the host's configuration).</summary>
    public IReadOnlyDictionary<string, string?> Configuration { get; }

    /// <summary>
    /// Starts Anvil (mining each transaction at once while deploying, then every <see cref="ChainOptions.BlockTimeSeconds"/>),
    /// deploys and grants the roles. <paramref name="quoteKeyHex"/> empty: a quote key is generated for this run.
    /// </summary>
    public static async Task<DevChain> StartAsync(ChainOptions options, IReadOnlyList<string> collectionNames, string? quoteKeyHex, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(collectionNames);
        options.Validate();
        if (collectionNames.Count == 0)
            throw new ArgumentException("the dev chain needs at least one collection to deploy (Catalog:SeedFile or Pricing:Collections)", nameof(collectionNames));
        var quoteKey = string.IsNullOrWhiteSpace(quoteKeyHex) ? EthPrivateKey.Generate() : EthPrivateKey.FromHex(quoteKeyHex, "Pricing:QuoteKey");

        var node = await AnvilNode.StartAsync(AnvilNode.FindBinary(options.AnvilPath), [], ct).ConfigureAwait(false);
        var http = new HttpClient();
        try
        {
            var eth = new EthClient(new JsonRpcClient(http, new JsonRpcClientOptions { Endpoint = node.Endpoint, MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(50) }));
            var deployer = new SigningContractSender(eth, Deployer, AnvilNode.ChainId) { ReceiptPollInterval = TimeSpan.FromMilliseconds(20) };
            var collections = new Dictionary<string, GameItemContract>(StringComparer.Ordinal);
            foreach (var name in collectionNames)
            {
                collections[name] = await GameItemContract.DeployAsync(deployer, eth, name, Symbol(name), $"commerce://items/{name}/", Deployer.Address, ct)
                    .ConfigureAwait(false);
            }
            var stablecoin = await TestStablecoinContract.DeployAsync(deployer, eth, Deployer.Address, ct).ConfigureAwait(false);
            var checkout = await CheckoutContract.DeployAsync(deployer, eth, Deployer.Address, quoteKey.Address, (ulong)options.InstallmentIntervalSeconds, ct)
                .ConfigureAwait(false);
            foreach (var collection in collections.Values)
            {
                await collection.GrantRoleAsync(deployer, ContractRoles.Minter, checkout.Address, ct).ConfigureAwait(false);
                await collection.GrantRoleAsync(deployer, ContractRoles.Minter, HotWallet.Address, ct).ConfigureAwait(false);
            }
            await checkout.GrantRoleAsync(deployer, ContractRoles.Operator, HotWallet.Address, ct).ConfigureAwait(false);
            var deployBlock = await eth.GetBlockNumberAsync(ct).ConfigureAwait(false);
            if (options.BlockTimeSeconds > 0)
                await new AnvilClient(eth.Rpc).SetIntervalMiningAsync((ulong)options.BlockTimeSeconds, ct).ConfigureAwait(false);
            return new DevChain(node, http, eth, quoteKey, checkout, stablecoin, collections, deployBlock, options);
        }
        catch
        {
            http.Dispose();
            await node.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>What to print at start: the node and every contract.</summary>
    public IEnumerable<string> Describe()
    {
        yield return $"Dev chain: {Node.Endpoint} (chain id {AnvilNode.ChainId}, {(BlockTimeSeconds > 0 ? $"a block every {BlockTimeSeconds} s" : "a block per transaction")})";
        yield return $"  Checkout  {Checkout.Address} (installments every {InstallmentIntervalSeconds} s, quotes signed by {QuoteKey.Address})";
        yield return $"  USDC      {Stablecoin.Address}";
        foreach (var (name, collection) in Collections)
            yield return $"  {name,-9} {collection.Address}";
        yield return $"  hot wallet {HotWallet.Address}, deployer {Deployer.Address}";
    }

    private Dictionary<string, string?> BuildConfiguration()
    {
        var rpc = Node.Endpoint.ToString();
        var checkout = Checkout.Address.ToString();
        var chainId = AnvilNode.ChainId.ToString(CultureInfo.InvariantCulture);
        var settings = new Dictionary<string, string?>
        {
            ["Chain:RpcUrl"] = rpc,
            ["Chain:InstallmentIntervalSeconds"] = InstallmentIntervalSeconds.ToString(CultureInfo.InvariantCulture),
            ["Chain:StablecoinDecimals"] = TestStablecoinContract.Decimals.ToString(CultureInfo.InvariantCulture),
            ["Pricing:CheckoutAddress"] = checkout,
            ["Pricing:ChainId"] = chainId,
            ["Pricing:QuoteKey"] = QuoteKey.ExportHex(),
            ["Pricing:Currencies:USDC:Token"] = Stablecoin.Address.ToString(),
            ["Execution:Enabled"] = "true",
            ["Execution:RpcUrl"] = rpc,
            ["Execution:ChainId"] = chainId,
            ["Execution:ConfirmationDepth"] = Confirmations.ToString(CultureInfo.InvariantCulture),
            ["Execution:HotWallet:PrivateKey"] = HotWallet.ExportHex(),
            ["Payments:Enabled"] = "true",
            ["Payments:CheckoutAddress"] = checkout,
            ["Payments:RpcUrl"] = rpc,
            ["Payments:Confirmations"] = Confirmations.ToString(CultureInfo.InvariantCulture),
            ["Payments:PollInterval"] = "00:00:00.500",
            ["Payments:StartBlock"] = DeployBlock.ToString(CultureInfo.InvariantCulture),
            ["Orders:CheckoutAddress"] = checkout,
            // The order, campaign and custody grains' keys for the HMAC on their chain commands (the executor signs nothing unmarked): one per run each.
            ["Orders:CommandKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Marketing:CommandKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Custody:CommandKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            // The deposit watcher's key: custodial accounts credit only the deposits it marked. One per run.
            ["Custody:DepositKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            // Custodial top-ups: plain ETH to the custody address, by default the hot wallet's (the deposit watcher follows the executor's keys).
            ["Deposits:Confirmations"] = Confirmations.ToString(CultureInfo.InvariantCulture),
            ["Deposits:PollInterval"] = "00:00:00.500",
            ["Deposits:StartBlock"] = DeployBlock.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (name, collection) in Collections)
            settings[$"Pricing:Collections:{name}:Contract"] = collection.Address.ToString();
        return settings;
    }

    private static string Symbol(string name) => new string(name.Where(char.IsLetterOrDigit).Take(5).ToArray()).ToUpperInvariant() is { Length: > 0 } s ? s : "ITEM";

    /// <summary>Kills the node (once; later calls do nothing).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        await Node.DisposeAsync().ConfigureAwait(false);
        _http.Dispose();
    }
}
