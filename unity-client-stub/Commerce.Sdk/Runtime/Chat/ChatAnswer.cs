using System;

namespace Commerce.Sdk
{
    /// <summary>
    /// The chatbot's answer to one question (<c>POST /api/me/chat</c>): the text to show, what it understood and the price
    /// offered to this player that the answer cites (null when none holds).
    /// </summary>
    public sealed class ChatAnswer
    {
        private ChatAnswer(JsonValue json)
        {
            Json = json;
            EventId = json.GetScalarTextOrDefault("eventId") ?? string.Empty;
            ItemId = json.GetStringOrDefault("itemId");
            Intent = json.GetStringOrDefault("intent") ?? ChatIntents.None;
            Confidence = json.GetDoubleOrDefault("confidence");
            Sentiment = json.GetDoubleOrDefault("sentiment");
            Answer = json.GetStringOrDefault("answer") ?? string.Empty;
            var yours = json["yourPrice"];
            YourPrice = yours.Kind == JsonKind.Object ? yours.GetDecimalOrNull("price") : null;
            YourPriceCurrency = yours.Kind == JsonKind.Object ? yours.GetStringOrDefault("currency") : null;
            UnknownItem = json.GetStringOrDefault("unknownItem");
        }

        /// <summary>The id of the ChatIntentDetected event the platform published for this turn.</summary>
        public string EventId { get; }

        /// <summary>The item the answer is about, when one was named and is listed.</summary>
        public string? ItemId { get; }

        /// <summary>One of <see cref="ChatIntents"/>.</summary>
        public string Intent { get; }

        /// <summary>The recognizer's confidence in <see cref="Intent"/>, 0..1.</summary>
        public double Confidence { get; }

        /// <summary>-1 (negative) .. 1 (positive).</summary>
        public double Sentiment { get; }

        /// <summary>The text to show the player.</summary>
        public string Answer { get; }

        /// <summary>The price offered to this player for <see cref="ItemId"/> (whole units), null when none holds.</summary>
        public decimal? YourPrice { get; }

        public string? YourPriceCurrency { get; }

        /// <summary>An item the question named that is not listed.</summary>
        public string? UnknownItem { get; }

        /// <summary>The whole JSON object (the item's facts are in <c>item</c>, the entities in <c>entities</c>).</summary>
        public JsonValue Json { get; }

        internal static ChatAnswer FromJson(JsonValue json) => new ChatAnswer(json);
    }
}
