using Commerce.Chain.JsonRpc;
using Commerce.GameSimulator.Options;
using Commerce.GameSimulator.Planning;
using Commerce.GameSimulator.Wallet;
using Commerce.Sdk;

namespace Commerce.GameSimulator.Simulation;

/// <summary>
/// Reads the chain and the catalog through the SDK (a scout wallet signs in for it), gives each player its script
/// (<see cref="PlanMaker"/>) and runs every player concurrently (sign-ins bounded by --concurrency).
/// </summary>
public sealed class Simulation(SimulatorOptions options, SimulationStats stats)
{
    /// <summary>The players' scripts, once made (for the progress display).</summary>
    public IReadOnlyList<PlayerPlan> Plans { get; private set; } = [];

    public async Task<SimulationResult> RunAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClientTransport();
        using var rpcHttp = new HttpClient();
        using var scout = new CommerceClient(new CommerceClientOptions { BaseUrl = options.Url }, http, null);
        await scout.SignInAsync(ChainWalletSigner.Generate(), cancellationToken);
        ChainInfo? chain = null;
        string? note = null;
        try
        {
            chain = await scout.GetChainInfoAsync(cancellationToken);
        }
        catch (CommerceApiException e) when (e.Kind == CommerceErrorKind.NotFound)
        {
            note = "the platform has no chain configured: players browse and receive offers, nobody buys";
        }

        if (chain is not null && chain.RpcUrl is null)
        {
            note = "the platform shares no JSON-RPC URL, so the players' wallets cannot pay: nobody buys";
        }

        var catalog = await ReadCatalogAsync(scout, cancellationToken);
        if (catalog.Count == 0)
        {
            throw new InvalidOperationException("none of the --items is listed on the platform");
        }

        var eth = chain?.RpcUrl is { } rpcUrl
            ? new EthClient(new JsonRpcClient(rpcHttp, new JsonRpcClientOptions { Endpoint = rpcUrl }))
            : null;
        var claims = new ItemClaims();
        var crm = options.CrmUrl is { } crmUrl ? new Connectors.LocalCrmClient(new HttpClient(), crmUrl) : null;
        Plans = PlanMaker.Make(options, catalog, eth is not null && chain?.RpcUrl is not null, claims);
        var airdrops = options.AirdropCap > 0 ? new AirdropTally(options.AirdropCap, Plans.Count) : null;
        var context = new SimulationContext(options, stats, http, chain, eth, catalog, claims, crm, airdrops);
        using var gate = new SemaphoreSlim(options.Concurrency);
        var players = Plans.Select((plan, i) => new SimulatedPlayer(i + 1, plan, context).RunAsync(gate, cancellationToken));
        return new SimulationResult(await Task.WhenAll(players), chain, note, airdrops);
    }

    private async Task<IReadOnlyList<CatalogItem>> ReadCatalogAsync(CommerceClient client, CancellationToken cancellationToken)
    {
        var items = new List<CatalogItem>(options.Items.Count);
        foreach (var itemId in options.Items)
        {
            try
            {
                var item = await client.GetItemAsync(itemId, cancellationToken);
                items.Add(new CatalogItem(itemId, item.Currency ?? "ETH", item.Supply ?? 0, item.Listed && item.Status is null or "Available"));
            }
            catch (CommerceApiException e) when (e.Kind == CommerceErrorKind.NotFound)
            {
                stats.Error($"item {itemId} is not listed: left out");
            }
        }

        return items;
    }
}
