using System;
using System.Collections.Generic;
using System.Linq;

namespace Commerce.Sdk
{
    /// <summary>
    /// The signed-in player's session state from <c>GET /api/me</c>. Reading is tolerant: missing
    /// fields read as empty, unknown fields are kept in <see cref="Json"/>.
    /// </summary>
    public sealed class PlayerState
    {
        private PlayerState(JsonValue json)
        {
            Json = json;
            var wallet = json["wallet"];
            Wallet = wallet.Kind == JsonKind.Object
                ? JsonFields.FirstString(wallet, "address", "id")
                : json.GetStringOrDefault("wallet");
            PlayerId = json.GetStringOrDefault("playerId") ?? Wallet?.ToLowerInvariant() ?? string.Empty;
            var loyalty = json["loyalty"];
            LoyaltyTier = JsonFields.FirstString(json, "loyaltyTier", "tier")
                ?? (loyalty.Kind == JsonKind.Object ? loyalty.GetStringOrDefault("tier") : json.GetStringOrDefault("loyalty"));
            Interests = ReadList(json, "interests", PlayerInterest.Read);
            Intents = ReadList(json, "intents", PlayerIntent.Read);
            Offers = ReadList(json, "offers", PlayerOffer.Read);
            Orders = ReadList(json, "orders", PlayerOrder.Read);
        }

        /// <summary>The wallet address in lowercase hex.</summary>
        public string PlayerId { get; }

        /// <summary>The wallet address as the server reports it.</summary>
        public string? Wallet { get; }

        public string? LoyaltyTier { get; }

        public IReadOnlyList<PlayerInterest> Interests { get; }

        public IReadOnlyList<PlayerIntent> Intents { get; }

        public IReadOnlyList<PlayerOffer> Offers { get; }

        public IReadOnlyList<PlayerOrder> Orders { get; }

        /// <summary>The whole response, for fields this SDK version does not know yet.</summary>
        public JsonValue Json { get; }

        /// <summary>Reads a <c>GET /api/me</c> body (exposed for games that cache it).</summary>
        public static PlayerState FromJson(JsonValue json) => new PlayerState(json);

        private static IReadOnlyList<T> ReadList<T>(JsonValue json, string name, Func<JsonValue, T> read) =>
            json[name].Items.Where(item => item.Kind == JsonKind.Object).Select(read).ToList();
    }
}
