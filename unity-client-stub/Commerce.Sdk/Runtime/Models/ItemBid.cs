namespace Commerce.Sdk
{
    /// <summary>A standing bid on an item.</summary>
    public sealed class ItemBid
    {
        private ItemBid(JsonValue json)
        {
            Json = json;
            Bidder = JsonFields.FirstString(json, "bidder", "playerId", "from");
            Amount = JsonFields.FirstDecimal(json, "amount", "price");
            Currency = json.GetStringOrDefault("currency");
        }

        public string? Bidder { get; }

        public decimal? Amount { get; }

        public string? Currency { get; }

        /// <summary>The whole JSON object, for fields this SDK version does not know yet.</summary>
        public JsonValue Json { get; }

        internal static ItemBid Read(JsonValue json) => new ItemBid(json);
    }
}
