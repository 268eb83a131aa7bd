using Commerce.Chain.JsonRpc;
using Commerce.GameSimulator.Options;
using Commerce.GameSimulator.Planning;
using Commerce.Sdk;

namespace Commerce.GameSimulator.Simulation;

/// <summary>What every simulated player shares: options, counters, the HTTP transport, the chain (null without one) and the catalog.</summary>
public sealed record SimulationContext(
    SimulatorOptions Options,
    SimulationStats Stats,
    IHttpTransport Http,
    ChainInfo? Chain,
    EthClient? Eth,
    IReadOnlyList<CatalogItem> Catalog,
    ItemClaims Claims,
    Connectors.LocalCrmClient? Crm = null,
    AirdropTally? Airdrops = null)
{
    /// <summary>Players pay with their own wallets only when the platform shares a JSON-RPC URL.</summary>
    public bool CanPay => Chain?.RpcUrl is not null && Eth is not null;
}
