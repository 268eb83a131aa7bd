using System;

namespace Commerce.Sdk
{
    /// <summary>
    /// An <c>AuctionWon</c> push: the item is offered to this player at its bid until <see cref="PayBy"/> (round 1 the
    /// winner, round 2 the next highest bidder when the winner did not pay). Order it with
    /// <c>CommerceClient.PlaceOrderAsync</c> and <see cref="Quote"/>.
    /// </summary>
    public sealed class AuctionWon
    {
        private AuctionWon(JsonValue json)
        {
            ItemId = json.GetStringOrDefault("itemId") ?? string.Empty;
            AuctionId = json.GetStringOrDefault("auctionId") ?? string.Empty;
            Round = (int)json.GetInt64OrDefault("round", 1);
            Price = json.GetDecimalOrNull("price") ?? 0m;
            Currency = json.GetStringOrDefault("currency") ?? "ETH";
            PayBy = json.GetTimestampOrNull("payBy");
            var quote = json["quote"];
            Quote = quote.Kind == JsonKind.Object ? SignedQuote.FromJson(quote) : null;
        }

        public string ItemId { get; }

        public string AuctionId { get; }

        public int Round { get; }

        public decimal Price { get; }

        public string Currency { get; }

        public DateTimeOffset? PayBy { get; }

        /// <summary>The signed quote to order with; null when the platform has no quote key.</summary>
        public SignedQuote? Quote { get; }

        /// <exception cref="FormatException">Not an object, or a quote lacking a field.</exception>
        public static AuctionWon FromJson(JsonValue json) =>
            json.Kind == JsonKind.Object ? new AuctionWon(json) : throw new FormatException("An AuctionWon payload must be a JSON object.");
    }
}
