using System;
using System.Collections.Generic;
using System.Linq;

namespace Commerce.Sdk
{
    /// <summary>
    /// The chain the platform sells on (<c>GET /api/chain</c>): its id, a JSON-RPC URL a wallet may use (null when
    /// the platform does not share one), the Checkout and custody contracts, the installment interval, the
    /// currencies and the collections' contracts.
    /// </summary>
    public sealed class ChainInfo
    {
        private ChainInfo(JsonValue json)
        {
            Json = json;
            ChainId = json.GetInt64OrDefault("chainId");
            var rpc = json.GetStringOrDefault("rpcUrl");
            RpcUrl = rpc != null && Uri.TryCreate(rpc, UriKind.Absolute, out var url) ? url : null;
            Checkout = json.GetStringOrDefault("checkout") ?? string.Empty;
            Custody = json.GetStringOrDefault("custody");
            InstallmentIntervalSeconds = json.GetInt64OrDefault("installmentIntervalSeconds");
            Currencies = json["currencies"].Properties
                .Where(p => p.Value.Kind == JsonKind.Object)
                .ToDictionary(
                    p => p.Key,
                    p => new ChainCurrency(p.Key, p.Value.GetStringOrDefault("token") ?? string.Empty, (int)p.Value.GetInt64OrDefault("decimals")),
                    StringComparer.OrdinalIgnoreCase);
            Collections = json["collections"].Properties
                .Where(p => p.Value.Kind == JsonKind.String)
                .ToDictionary(p => p.Key, p => p.Value.GetString(), StringComparer.Ordinal);
        }

        /// <summary>31337 on the embedded dev chain.</summary>
        public long ChainId { get; }

        public Uri? RpcUrl { get; }

        public string Checkout { get; }

        /// <summary>Where a player sends ETH to top up its custodial balance (null when custody is off).</summary>
        public string? Custody { get; }

        public long InstallmentIntervalSeconds { get; }

        /// <summary>By code ("ETH", "USDC"), case-insensitive.</summary>
        public IReadOnlyDictionary<string, ChainCurrency> Currencies { get; }

        /// <summary>Collection name ("dragons") to its ERC-721 contract.</summary>
        public IReadOnlyDictionary<string, string> Collections { get; }

        public JsonValue Json { get; }

        public static ChainInfo FromJson(JsonValue json) => new ChainInfo(json);
    }
}
