using System;

namespace Commerce.Sdk
{
    /// <summary>The player's interest in one item, aggregated over the times it was shown.</summary>
    public sealed class PlayerInterest
    {
        private PlayerInterest(JsonValue json)
        {
            Json = json;
            ItemId = json.GetStringOrDefault("itemId") ?? string.Empty;
            Count = json.GetInt64OrDefault("count", 1);
            TotalDwellSeconds = json.TryGetProperty("totalDwellSeconds", out _)
                ? json.GetDoubleOrDefault("totalDwellSeconds")
                : json.GetDoubleOrDefault("dwellSeconds");
            FirstAt = JsonFields.FirstTimestamp(json, "firstAt", "shownAt", "at");
            LastAt = JsonFields.FirstTimestamp(json, "lastAt", "shownAt", "at");
        }

        public string ItemId { get; }

        /// <summary>How many times interest was shown (1 when the server sends single interests).</summary>
        public long Count { get; }

        public double TotalDwellSeconds { get; }

        public DateTimeOffset? FirstAt { get; }

        public DateTimeOffset? LastAt { get; }

        /// <summary>The whole JSON object, for fields this SDK version does not know yet.</summary>
        public JsonValue Json { get; }

        internal static PlayerInterest Read(JsonValue json) => new PlayerInterest(json);
    }
}
