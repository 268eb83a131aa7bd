using System;

namespace Commerce.Sdk
{
    /// <summary>An offer made to the player.</summary>
    public sealed class PlayerOffer
    {
        private PlayerOffer(JsonValue json)
        {
            Json = json;
            OfferId = JsonFields.FirstString(json, "offerId", "id") ?? string.Empty;
            ItemId = json.GetStringOrDefault("itemId") ?? string.Empty;
            Price = JsonFields.FirstDecimal(json, "price", "amount");
            Currency = json.GetStringOrDefault("currency");
            Status = json.GetStringOrDefault("status");
            ExpiresAt = json.GetTimestampOrNull("expiresAt");
        }

        public string OfferId { get; }

        public string ItemId { get; }

        public decimal? Price { get; }

        public string? Currency { get; }

        public string? Status { get; }

        public DateTimeOffset? ExpiresAt { get; }

        /// <summary>The whole JSON object, for fields this SDK version does not know yet.</summary>
        public JsonValue Json { get; }

        internal static PlayerOffer Read(JsonValue json) => new PlayerOffer(json);
    }
}
