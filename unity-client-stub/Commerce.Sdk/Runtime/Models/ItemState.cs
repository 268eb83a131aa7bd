using System.Collections.Generic;
using System.Linq;

namespace Commerce.Sdk
{
    /// <summary>
    /// An item's state from <c>GET /api/items/{itemId}</c>. Reading is tolerant: missing fields read
    /// as empty, numbers sent as strings are accepted, unknown fields are kept in <see cref="Json"/>.
    /// </summary>
    public sealed class ItemState
    {
        private ItemState(JsonValue json)
        {
            Json = json;
            ItemId = json.GetStringOrDefault("itemId") ?? string.Empty;
            Collection = json.GetStringOrDefault("collection");
            TokenId = json.GetScalarTextOrDefault("tokenId");
            Rarity = json.GetScalarTextOrDefault("rarity");
            Supply = json.TryGetProperty("supply", out var supply) && supply.TryGetInt64(out var count) ? count : (long?)null;
            Owner = json.GetStringOrDefault("owner");
            var floor = json["floor"];
            Floor = floor.Kind == JsonKind.Object
                ? JsonFields.FirstDecimal(floor, "price", "amount")
                : JsonFields.FirstDecimal(json, "floor", "floorPrice");
            Currency = json.GetStringOrDefault("currency") ?? (floor.Kind == JsonKind.Object ? floor.GetStringOrDefault("currency") : null);
            Bids = json["bids"].Items.Where(b => b.Kind == JsonKind.Object).Select(ItemBid.Read).ToList();
            InterestCounts = ReadInterestCounts(json);
            Status = json.GetStringOrDefault("status");
        }

        /// <summary>"collection:tokenId", e.g. "dragons:42".</summary>
        public string ItemId { get; }

        public string? Collection { get; }

        public string? TokenId { get; }

        public string? Rarity { get; }

        public long? Supply { get; }

        public string? Owner { get; }

        public decimal? Floor { get; }

        public string? Currency { get; }

        public IReadOnlyList<ItemBid> Bids { get; }

        /// <summary>
        /// Interest counters by name (for example per time window). A single number from the server
        /// reads as <c>"total"</c>.
        /// </summary>
        public IReadOnlyDictionary<string, long> InterestCounts { get; }

        public string? Status { get; }

        /// <summary>The whole response, for fields this SDK version does not know yet.</summary>
        public JsonValue Json { get; }

        /// <summary>Reads a <c>GET /api/items/{itemId}</c> body.</summary>
        public static ItemState FromJson(JsonValue json) => new ItemState(json);

        private static IReadOnlyDictionary<string, long> ReadInterestCounts(JsonValue json)
        {
            var counts = new Dictionary<string, long>();
            if (json.TryGetProperty("interestCount", out var single) && single.TryGetInt64(out var total))
            {
                counts["total"] = total;
            }

            var many = json["interestCounts"];
            if (many.TryGetInt64(out total))
            {
                counts["total"] = total;
            }

            foreach (var counter in many.Properties)
            {
                if (counter.Value.TryGetInt64(out var value))
                {
                    counts[counter.Key] = value;
                }
            }

            return counts;
        }
    }
}
