using System;
using System.Collections.Generic;
using System.Linq;

namespace Commerce.Sdk
{
    /// <summary>
    /// The player's custodial balance (<c>GET /api/me/balance</c>): what it may spend with custodial orders, what is
    /// held for orders in flight, and its deposits. Top up by sending ETH from the player's wallet to <see cref="Custody"/>.
    /// </summary>
    public sealed class CustodialBalance
    {
        private CustodialBalance(JsonValue json)
        {
            Json = json;
            Wallet = json.GetStringOrDefault("wallet") ?? string.Empty;
            Custody = json.GetStringOrDefault("custody");
            Balances = Amounts(json["balances"]);
            Held = Amounts(json["held"]);
            Deposits = json["deposits"].Items.Where(d => d.Kind == JsonKind.Object).Select(CustodialDeposit.Read).ToList();
        }

        public string Wallet { get; }

        public string? Custody { get; }

        /// <summary>Spendable, by currency code, in base units (decimal strings).</summary>
        public IReadOnlyDictionary<string, string> Balances { get; }

        /// <summary>Held for orders in flight, by currency code.</summary>
        public IReadOnlyDictionary<string, string> Held { get; }

        public IReadOnlyList<CustodialDeposit> Deposits { get; }

        public JsonValue Json { get; }

        public static CustodialBalance FromJson(JsonValue json) => new CustodialBalance(json);

        private static IReadOnlyDictionary<string, string> Amounts(JsonValue json) =>
            json.Properties
                .Where(p => p.Value.Kind == JsonKind.String || p.Value.Kind == JsonKind.Number)
                .ToDictionary(p => p.Key, p => p.Value.Kind == JsonKind.String ? p.Value.GetString() : p.Value.GetRawText(), StringComparer.OrdinalIgnoreCase);
    }
}
