using System;

namespace Commerce.Sdk
{
    /// <summary>A standing bid on an item, from a marketplace.</summary>
    public sealed class ItemBid
    {
        private ItemBid(JsonValue json)
        {
            Json = json;
            Bidder = JsonFields.FirstString(json, "bidder", "playerId", "from");
            Amount = JsonFields.FirstDecimal(json, "amount", "price");
            Currency = json.GetStringOrDefault("currency");
            Marketplace = json.GetStringOrDefault("marketplace");
            At = json.GetTimestampOrNull("at");
        }

        public string? Bidder { get; }

        public decimal? Amount { get; }

        public string? Currency { get; }

        public string? Marketplace { get; }

        public DateTimeOffset? At { get; }

        /// <summary>The whole JSON object, for fields this SDK version does not know yet.</summary>
        public JsonValue Json { get; }

        internal static ItemBid Read(JsonValue json) => new ItemBid(json);
    }
}
