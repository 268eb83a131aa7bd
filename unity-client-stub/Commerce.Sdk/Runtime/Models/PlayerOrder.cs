using System;

namespace Commerce.Sdk
{
    /// <summary>An order the player placed.</summary>
    public sealed class PlayerOrder
    {
        private PlayerOrder(JsonValue json)
        {
            Json = json;
            OrderId = JsonFields.FirstString(json, "orderId", "id") ?? string.Empty;
            ItemId = json.GetStringOrDefault("itemId") ?? string.Empty;
            Status = json.GetStringOrDefault("status");
            Price = JsonFields.FirstDecimal(json, "price", "amount");
            Currency = json.GetStringOrDefault("currency");
            UpdatedAt = json.GetTimestampOrNull("updatedAt");
        }

        public string OrderId { get; }

        public string ItemId { get; }

        public string? Status { get; }

        public decimal? Price { get; }

        public string? Currency { get; }

        public DateTimeOffset? UpdatedAt { get; }

        /// <summary>The whole JSON object, for fields this SDK version does not know yet.</summary>
        public JsonValue Json { get; }

        internal static PlayerOrder Read(JsonValue json) => new PlayerOrder(json);
    }
}
