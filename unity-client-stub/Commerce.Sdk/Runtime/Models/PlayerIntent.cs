namespace Commerce.Sdk
{
    /// <summary>A purchase intent the platform inferred for the player.</summary>
    public sealed class PlayerIntent
    {
        private PlayerIntent(JsonValue json)
        {
            Json = json;
            ItemId = json.GetStringOrDefault("itemId") ?? string.Empty;
            Kind = JsonFields.FirstString(json, "kind", "intent", "type");
            Score = json.TryGetProperty("score", out var score) && score.TryGetDouble(out var value) ? value : (double?)null;
        }

        public string ItemId { get; }

        public string? Kind { get; }

        public double? Score { get; }

        /// <summary>The whole JSON object, for fields this SDK version does not know yet.</summary>
        public JsonValue Json { get; }

        internal static PlayerIntent Read(JsonValue json) => new PlayerIntent(json);
    }
}
