using System;

namespace Commerce.Sdk
{
    /// <summary>An intent the platform recognised for the player (for example from chat: "buy", "sell").</summary>
    public sealed class PlayerIntent
    {
        private PlayerIntent(JsonValue json)
        {
            Json = json;
            ItemId = json.GetStringOrDefault("itemId");
            Intent = JsonFields.FirstString(json, "intent", "kind", "type");
            Sentiment = ReadDouble(json, "sentiment") ?? ReadDouble(json, "score");
            At = JsonFields.FirstTimestamp(json, "at", "occurredAt");
        }

        /// <summary>The item the intent is about, when there is one.</summary>
        public string? ItemId { get; }

        public string? Intent { get; }

        public double? Sentiment { get; }

        public DateTimeOffset? At { get; }

        /// <summary>The whole JSON object, for fields this SDK version does not know yet.</summary>
        public JsonValue Json { get; }

        internal static PlayerIntent Read(JsonValue json) => new PlayerIntent(json);

        private static double? ReadDouble(JsonValue json, string name) =>
            json.TryGetProperty(name, out var value) && value.TryGetDouble(out var number) ? number : (double?)null;
    }
}
