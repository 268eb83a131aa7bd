using System;
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
            Listed = json.GetBooleanOrDefault("listed", true);
            Collection = json.GetStringOrDefault("collection");
            TokenId = json.GetScalarTextOrDefault("tokenId");
            Rarity = json.GetScalarTextOrDefault("rarity");
            Edition = ReadInt64(json, "edition");
            Supply = ReadInt64(json, "supply");
            Owner = json.GetStringOrDefault("owner");
            ListPrice = JsonFields.FirstDecimal(json, "listPrice");
            var floor = json["floor"];
            Floor = floor.Kind == JsonKind.Object
                ? JsonFields.FirstDecimal(floor, "price", "amount")
                : JsonFields.FirstDecimal(json, "floorPrice", "floor");
            Currency = json.GetStringOrDefault("currency") ?? (floor.Kind == JsonKind.Object ? floor.GetStringOrDefault("currency") : null);
            Bids = json["bids"].Items.Where(b => b.Kind == JsonKind.Object).Select(ItemBid.Read).ToList();
            InterestCounts = ReadInterestCounts(json);
            Status = json.GetScalarTextOrDefault("status");
            UpdatedAt = json.GetTimestampOrNull("updatedAt");
        }

        /// <summary>"collection:tokenId", e.g. "dragons:42".</summary>
        public string ItemId { get; }

        public bool Listed { get; }

        public string? Collection { get; }

        public string? TokenId { get; }

        public string? Rarity { get; }

        public long? Edition { get; }

        public long? Supply { get; }

        /// <summary>The owner's address, null while the platform still holds the item.</summary>
        public string? Owner { get; }

        public decimal? ListPrice { get; }

        public decimal? Floor { get; }

        public string? Currency { get; }

        public IReadOnlyList<ItemBid> Bids { get; }

        /// <summary>
        /// Interest counters by name: <c>"total"</c> (from <c>interestTotal</c>, <c>interestCount</c>
        /// or <c>interestCounts.total</c>) plus any named counters the server sends in <c>interestCounts</c>.
        /// </summary>
        public IReadOnlyDictionary<string, long> InterestCounts { get; }

        /// <summary>Interest over all time (0 when the server sent no counter).</summary>
        public long InterestTotal => InterestCounts.TryGetValue("total", out var total) ? total : 0;

        public string? Status { get; }

        public DateTimeOffset? UpdatedAt { get; }

        /// <summary>The whole response, for fields this SDK version does not know yet.</summary>
        public JsonValue Json { get; }

        /// <summary>Reads a <c>GET /api/items/{itemId}</c> body.</summary>
        public static ItemState FromJson(JsonValue json) => new ItemState(json);

        private static long? ReadInt64(JsonValue json, string name) =>
            json.TryGetProperty(name, out var value) && value.TryGetInt64(out var number) ? number : (long?)null;

        private static IReadOnlyDictionary<string, long> ReadInterestCounts(JsonValue json)
        {
            var counts = new Dictionary<string, long>(StringComparer.Ordinal);
            var many = json["interestCounts"];
            foreach (var counter in many.Properties)
            {
                if (counter.Value.TryGetInt64(out var value))
                {
                    counts[counter.Key] = value;
                }
            }

            foreach (var name in new[] { "interestTotal", "interestCount", "interestCounts" })
            {
                if (json.TryGetProperty(name, out var single) && single.TryGetInt64(out var total))
                {
                    counts["total"] = total;
                }
            }

            return counts;
        }
    }
}
