using System.Numerics;
using Commerce.Chain.Crypto;
using Commerce.Chain.JsonRpc;
using Commerce.Payments.Deposits;
using Microsoft.Extensions.Options;

namespace Commerce.Host.Onchain;

/// <summary>
/// The chain as the game-client APIs see it, read once from configuration: the Checkout (Pricing:CheckoutAddress),
/// the collections and currencies the quotes name, the node to read from (Payments:RpcUrl, else Execution:RpcUrl, else
/// Chain:RpcUrl) and the one published to clients (Chain:RpcUrl). <see cref="IsConfigured"/> is false while the
/// Checkout is the zero address: no chain is configured.
/// </summary>
public sealed class ChainSettings : IDisposable
{
    /// <summary>The currency code of ETH in quotes and offers.</summary>
    public const string Eth = "ETH";

    private readonly HttpClient? _http;

    public ChainSettings(IConfiguration configuration, IOptions<DepositWatcherOptions> deposits)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(deposits);
        var chain = configuration.GetSection(ChainOptions.Section).Get<ChainOptions>() ?? new ChainOptions(); // validated at start
        ChainId = configuration.GetValue<ulong?>("Pricing:ChainId") ?? 31337;
        Checkout = EthAddress.TryParse(configuration["Pricing:CheckoutAddress"], out var checkout) ? checkout : EthAddress.Zero;
        PublicRpcUrl = string.IsNullOrWhiteSpace(chain.RpcUrl) ? null : chain.RpcUrl;
        Custody = deposits.Value.Enabled && EthAddress.TryParse(deposits.Value.CustodyAddress, out var custody) ? custody : null;
        InstallmentIntervalSeconds = chain.InstallmentIntervalSeconds;
        StartBlock = configuration.GetValue<ulong?>("Payments:StartBlock") ?? 0;
        NftScanBlocksPerCall = (ulong)chain.NftScanBlocksPerCall;
        NftScanReorgBlocks = (ulong)chain.NftScanReorgBlocks;

        var currencies = new Dictionary<string, ChainCurrency>(StringComparer.Ordinal) { [Eth] = new(Eth, EthAddress.Zero, 18) };
        foreach (var currency in configuration.GetSection("Pricing:Currencies").GetChildren())
        {
            if (EthAddress.TryParse(currency["Token"], out var token) && token != EthAddress.Zero)
                currencies[currency.Key] = new(currency.Key, token, chain.StablecoinDecimals);
        }
        Currencies = currencies;
        var collections = new Dictionary<string, EthAddress>(StringComparer.Ordinal);
        foreach (var collection in configuration.GetSection("Pricing:Collections").GetChildren())
        {
            if (EthAddress.TryParse(collection["Contract"], out var contract) && contract != EthAddress.Zero)
                collections[collection.Key] = contract;
        }
        Collections = collections;

        var node = FirstUrl(
            configuration.GetValue<bool>("Payments:Enabled") ? configuration["Payments:RpcUrl"] : null,
            configuration.GetValue<bool>("Execution:Enabled") ? configuration["Execution:RpcUrl"] : null,
            PublicRpcUrl);
        NodeUrl = node;
        if (IsConfigured && node is not null)
        {
            _http = new HttpClient();
            Node = new EthClient(new JsonRpcClient(_http, new JsonRpcClientOptions { Endpoint = node, MaxRetries = 2, AttemptTimeout = TimeSpan.FromSeconds(10) }));
        }
    }

    /// <summary>True when a Checkout is configured.</summary>
    public bool IsConfigured => Checkout != EthAddress.Zero;

    public ulong ChainId { get; }

    public EthAddress Checkout { get; }

    public string? PublicRpcUrl { get; }

    /// <summary>The custodial deposit address (Deposits:CustodyAddress, by default the hot wallet's), when the deposit watcher runs.</summary>
    public EthAddress? Custody { get; }

    public int InstallmentIntervalSeconds { get; }

    /// <summary>The first block worth scanning for this deployment's logs.</summary>
    public ulong StartBlock { get; }

    /// <summary>Chain:NftScanBlocksPerCall: the widest block range of one log query of the NFT listing.</summary>
    public ulong NftScanBlocksPerCall { get; }

    /// <summary>Chain:NftScanReorgBlocks: blocks each wallet's NFT scan reads again.</summary>
    public ulong NftScanReorgBlocks { get; }

    /// <summary>Currency code -> token and decimals; ETH is always there (address(0), 18 decimals).</summary>
    public IReadOnlyDictionary<string, ChainCurrency> Currencies { get; }

    /// <summary>Collection name -> its GameItem contract.</summary>
    public IReadOnlyDictionary<string, EthAddress> Collections { get; }

    /// <summary>The node's URL: Payments:RpcUrl when the watcher runs, else Execution:RpcUrl when the executor runs, else Chain:RpcUrl.</summary>
    public Uri? NodeUrl { get; }

    /// <summary>The node this instance reads the chain from; null when none (or no Checkout) is configured.</summary>
    public EthClient? Node { get; }

    /// <summary>The currency a quote's currency address stands for; null when it is not one of ours.</summary>
    public ChainCurrency? CurrencyOf(EthAddress token) => Currencies.Values.FirstOrDefault(c => c.Token == token);

    /// <summary>"12.5 USDC": base units shown in whole units of the currency (base units and the address when it is unknown).</summary>
    public string Format(BigInteger amount, EthAddress token)
    {
        if (CurrencyOf(token) is not { } currency)
            return $"{amount} base units of {token}";
        var scale = BigInteger.Pow(10, currency.Decimals);
        var whole = BigInteger.DivRem(amount, scale, out var fraction);
        var text = fraction.IsZero ? whole.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : $"{whole}.{fraction.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(currency.Decimals, '0').TrimEnd('0')}";
        return $"{text} {currency.Code}";
    }

    private static Uri? FirstUrl(params string?[] candidates) =>
        candidates.Select(c => Uri.TryCreate(c, UriKind.Absolute, out var uri) ? uri : null).FirstOrDefault(u => u is not null);

    public void Dispose() => _http?.Dispose();
}
