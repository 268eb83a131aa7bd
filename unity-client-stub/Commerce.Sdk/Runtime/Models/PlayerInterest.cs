using System;

namespace Commerce.Sdk
{
    /// <summary>An interest the player showed in an item.</summary>
    public sealed class PlayerInterest
    {
        private PlayerInterest(JsonValue json)
        {
            Json = json;
            ItemId = json.GetStringOrDefault("itemId") ?? string.Empty;
            DwellSeconds = json.GetDoubleOrDefault("dwellSeconds");
            ShownAt = JsonFields.FirstTimestamp(json, "shownAt", "occurredAt", "at");
        }

        public string ItemId { get; }

        public double DwellSeconds { get; }

        public DateTimeOffset? ShownAt { get; }

        /// <summary>The whole JSON object, for fields this SDK version does not know yet.</summary>
        public JsonValue Json { get; }

        internal static PlayerInterest Read(JsonValue json) => new PlayerInterest(json);
    }
}
