using System;

namespace Commerce.Sdk
{
    /// <summary>An accepted bid as an auction's watchers see it (a <c>BidAccepted</c> frame of the watch socket).</summary>
    public sealed class AuctionBid
    {
        private AuctionBid(JsonValue json, long seq)
        {
            Json = json;
            Seq = seq;
            ItemId = json.GetStringOrDefault("itemId") ?? string.Empty;
            BidId = json.GetStringOrDefault("bidId") ?? string.Empty;
            Bidder = json.GetStringOrDefault("bidder") ?? string.Empty;
            Amount = json.GetDecimalOrNull("amount") ?? throw new FormatException("A bid needs an amount.");
            Currency = json.GetStringOrDefault("currency") ?? "ETH";
            EndsAt = json.GetTimestampOrNull("endsAt");
            NextMinimum = json.GetDecimalOrNull("nextMinimum") ?? 0m;
        }

        /// <summary>The auction's sequence number of this bid (increases by one per change of the auction).</summary>
        public long Seq { get; }

        public string ItemId { get; }

        public string BidId { get; }

        public string Bidder { get; }

        public decimal Amount { get; }

        public string Currency { get; }

        /// <summary>When the auction ends now (a bid in the last minutes moves it).</summary>
        public DateTimeOffset? EndsAt { get; }

        /// <summary>The least the next bid must offer.</summary>
        public decimal NextMinimum { get; }

        public JsonValue Json { get; }

        /// <exception cref="FormatException">Not an object, or no amount.</exception>
        public static AuctionBid FromJson(JsonValue json, long seq) =>
            json.Kind == JsonKind.Object ? new AuctionBid(json, seq) : throw new FormatException("A bid must be a JSON object.");
    }
}
