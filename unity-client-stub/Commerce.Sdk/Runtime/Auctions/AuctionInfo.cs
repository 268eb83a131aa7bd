using System;

namespace Commerce.Sdk
{
    /// <summary>An item's auction as it stands (GET /api/auctions/{itemId}).</summary>
    public sealed class AuctionInfo
    {
        private AuctionInfo(JsonValue json)
        {
            Json = json;
            ItemId = json.GetStringOrDefault("itemId") ?? string.Empty;
            AuctionId = json.GetStringOrDefault("auctionId") ?? string.Empty;
            Phase = json.GetStringOrDefault("phase") ?? string.Empty;
            Outcome = json.GetStringOrDefault("outcome");
            Currency = json.GetStringOrDefault("currency") ?? "ETH";
            Reserve = json.GetDecimalOrNull("reserve") ?? 0m;
            NextMinimum = json.GetDecimalOrNull("nextMinimum") ?? 0m;
            EndsAt = json.GetTimestampOrNull("endsAt");
            BidCount = (int)json.GetInt64OrDefault("bidCount");
            var highest = json["highest"];
            HighestBidder = highest.Kind == JsonKind.Object ? highest.GetStringOrDefault("bidder") : null;
            HighestBid = highest.Kind == JsonKind.Object ? highest.GetDecimalOrNull("amount") : null;
        }

        public string ItemId { get; }

        public string AuctionId { get; }

        /// <summary>Open, AwaitingPayment or Ended.</summary>
        public string Phase { get; }

        /// <summary>Sold, Unsold or Cancelled once ended.</summary>
        public string? Outcome { get; }

        public string Currency { get; }

        public decimal Reserve { get; }

        public decimal NextMinimum { get; }

        /// <summary>Null until the first bid at or above the reserve starts the clock.</summary>
        public DateTimeOffset? EndsAt { get; }

        public int BidCount { get; }

        public string? HighestBidder { get; }

        public decimal? HighestBid { get; }

        public JsonValue Json { get; }

        /// <exception cref="FormatException">Not an object.</exception>
        public static AuctionInfo FromJson(JsonValue json) =>
            json.Kind == JsonKind.Object ? new AuctionInfo(json) : throw new FormatException("An auction must be a JSON object.");
    }
}
