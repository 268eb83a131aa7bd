using System;
using System.Globalization;

namespace Commerce.Sdk
{
    /// <summary>
    /// One push: <see cref="Seq"/> increases by one per push for the player, <see cref="Type"/>
    /// names what happened (for example "InterestRecorded"), <see cref="PayloadJson"/> is the
    /// payload object exactly as the server sent it.
    /// </summary>
    public sealed record PushMessage(long Seq, string Type, DateTimeOffset OccurredAt, string PayloadJson)
    {
        /// <summary>Parses <see cref="PayloadJson"/>.</summary>
        public JsonValue ParsePayload() => JsonReader.Parse(PayloadJson);

        /// <summary>The payload of an <c>OrderUpdated</c> push as its model.</summary>
        /// <exception cref="InvalidOperationException">This push is of another type.</exception>
        /// <exception cref="FormatException">The payload lacks orderId or status.</exception>
        public OrderUpdate ReadOrderUpdate() =>
            Type == PushTypes.OrderUpdated
                ? OrderUpdate.FromJson(ParsePayload())
                : throw new InvalidOperationException("Push " + Seq + " is " + Type + ", not " + PushTypes.OrderUpdated + ".");

        /// <summary>The payload of an <c>OfferMade</c> push as its model.</summary>
        /// <exception cref="InvalidOperationException">This push is of another type.</exception>
        /// <exception cref="FormatException">An item's quote lacks a field.</exception>
        public OfferReceived ReadOffer() =>
            Type == PushTypes.OfferMade
                ? OfferReceived.FromJson(ParsePayload())
                : throw new InvalidOperationException("Push " + Seq + " is " + Type + ", not " + PushTypes.OfferMade + ".");

        /// <summary>
        /// Reads one push frame: <c>{ "seq": 17, "type": "...", "occurredAt": "...", "payload": { ... } }</c>.
        /// A missing <c>occurredAt</c> reads as <see cref="DateTimeOffset.MinValue"/>, a missing payload as <c>null</c>.
        /// </summary>
        /// <exception cref="FormatException">Not JSON, or no positive integer seq, or no type.</exception>
        public static PushMessage Parse(string frame) => Parse(frame, 1);

        /// <summary>As <see cref="Parse(string)"/>, with seq at least <paramref name="minimumSeq"/> (an auction's snapshot before any bid is seq 0).</summary>
        internal static PushMessage Parse(string frame, long minimumSeq)
        {
            var json = JsonReader.Parse(frame);
            if (json.Kind != JsonKind.Object)
            {
                throw new FormatException("A push frame must be a JSON object, got " + json.Kind + ".");
            }

            if (!json.TryGetProperty("seq", out var seqValue) || !seqValue.TryGetInt64(out var seq) || seq < minimumSeq)
            {
                throw new FormatException(minimumSeq > 0 ? "A push frame needs a positive integer \"seq\"." : "A frame needs an integer \"seq\" of 0 or more.");
            }

            var type = json.GetStringOrDefault("type");
            if (string.IsNullOrEmpty(type))
            {
                throw new FormatException("Push frame " + seq.ToString(CultureInfo.InvariantCulture) + " has no \"type\".");
            }

            var occurredAt = json.GetTimestampOrNull("occurredAt") ?? DateTimeOffset.MinValue;
            var payload = json.TryGetProperty("payload", out var value) ? value.GetRawText() : "null";
            return new PushMessage(seq, type!, occurredAt, payload);
        }
    }
}
