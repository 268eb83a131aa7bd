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
                : JsonFields.FirstString(json, "walletAddress", "wallet");
            PlayerId = json.GetStringOrDefault("playerId") ?? Wallet?.ToLowerInvariant() ?? string.Empty;
            var loyalty = json["loyalty"];
            LoyaltyTier = JsonFields.FirstString(json, "loyaltyTier", "tier")
                ?? (loyalty.Kind == JsonKind.Object ? loyalty.GetStringOrDefault("tier") : null);
            LifetimeValue = JsonFields.FirstDecimal(json, "lifetimeValue");
            Interests = ReadList(json, PlayerInterest.Read, "interests");
            InterestCount = json.TryGetProperty("interestCount", out var count) && count.TryGetInt64(out var total)
                ? total
                : Interests.Sum(i => i.Count);
            Intents = ReadList(json, PlayerIntent.Read, "intents", "chatIntents");
            Offers = ReadList(json, PlayerOffer.Read, "offers", "recentOffers");
            Orders = ReadList(json, PlayerOrder.Read, "orders");
            LastSeenAt = json.GetTimestampOrNull("lastSeenAt");
        }

        /// <summary>The wallet address in lowercase hex.</summary>
        public string PlayerId { get; }

        /// <summary>The linked wallet address as the server reports it (null before it is linked).</summary>
        public string? Wallet { get; }

        public string? LoyaltyTier { get; }

        public decimal? LifetimeValue { get; }

        /// <summary>Interests per item, most recent first as the server keeps them.</summary>
        public IReadOnlyList<PlayerInterest> Interests { get; }

        /// <summary>All interests ever shown (the per-item list is bounded, this is not).</summary>
        public long InterestCount { get; }

        public IReadOnlyList<PlayerIntent> Intents { get; }

        public IReadOnlyList<PlayerOffer> Offers { get; }

        public IReadOnlyList<PlayerOrder> Orders { get; }

        public DateTimeOffset? LastSeenAt { get; }

        /// <summary>The whole response, for fields this SDK version does not know yet.</summary>
        public JsonValue Json { get; }

        /// <summary>Reads a <c>GET /api/me</c> body (exposed for games that cache it).</summary>
        public static PlayerState FromJson(JsonValue json) => new PlayerState(json);

        private static IReadOnlyList<T> ReadList<T>(JsonValue json, Func<JsonValue, T> read, params string[] names)
        {
            foreach (var name in names)
            {
                if (json.TryGetProperty(name, out var list) && list.Kind == JsonKind.Array)
                {
                    return list.Items.Where(item => item.Kind == JsonKind.Object).Select(read).ToList();
                }
            }

            return new T[0];
        }
    }
}
