using System;

namespace Commerce.Sdk
{
    /// <summary>One event an order saw: the state it moved from and to (equal when it changed nothing) and why.</summary>
    public sealed class OrderHistoryEntry
    {
        private OrderHistoryEntry(JsonValue json)
        {
            Event = json.GetStringOrDefault("event") ?? string.Empty;
            From = json.GetStringOrDefault("from") ?? string.Empty;
            To = json.GetStringOrDefault("to") ?? string.Empty;
            At = json.GetTimestampOrNull("at");
            Detail = json.GetStringOrDefault("detail");
        }

        public string Event { get; }

        public string From { get; }

        public string To { get; }

        public DateTimeOffset? At { get; }

        public string? Detail { get; }

        internal static OrderHistoryEntry Read(JsonValue json) => new OrderHistoryEntry(json);
    }
}
