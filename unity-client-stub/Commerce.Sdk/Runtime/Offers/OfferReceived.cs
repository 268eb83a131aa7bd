using System;
using System.Collections.Generic;
using System.Linq;

namespace Commerce.Sdk
{
    /// <summary>
    /// An <c>OfferMade</c> push: the items the pricing engine recommends to this player right now, ranked, each with
    /// a signed quote valid until its expiry. Order one with <see cref="CommerceClient.PlaceOrderAsync"/>.
    /// </summary>
    public sealed class OfferReceived
    {
        private OfferReceived(JsonValue json, IReadOnlyList<OfferedItem> items)
        {
            Json = json;
            Items = items;
            OfferId = json.GetStringOrDefault("offerId") ?? string.Empty;
            PlayerId = json.GetStringOrDefault("playerId");
            At = json.GetTimestampOrNull("at");
            ExpiresAt = json.GetTimestampOrNull("expiresAt");
        }

        public string OfferId { get; }

        public string? PlayerId { get; }

        public DateTimeOffset? At { get; }

        public DateTimeOffset? ExpiresAt { get; }

        /// <summary>Ranked, best first.</summary>
        public IReadOnlyList<OfferedItem> Items { get; }

        public JsonValue Json { get; }

        /// <summary>The offered item <paramref name="itemId"/>, or null when the offer does not hold it.</summary>
        public OfferedItem? Find(string itemId) => Items.FirstOrDefault(i => i.ItemId == itemId);

        /// <summary>Reads an <c>OfferMade</c> payload.</summary>
        /// <exception cref="FormatException">Not an object, or an item whose quote lacks a field.</exception>
        public static OfferReceived FromJson(JsonValue payload)
        {
            if (payload.Kind != JsonKind.Object)
            {
                throw new FormatException("An OfferMade payload must be a JSON object, got " + payload.Kind + ".");
            }

            var items = payload["items"].Items.Where(i => i.Kind == JsonKind.Object).Select(OfferedItem.Read)
                .OrderBy(i => i.Rank).ToList();
            return new OfferReceived(payload, items);
        }
    }
}
