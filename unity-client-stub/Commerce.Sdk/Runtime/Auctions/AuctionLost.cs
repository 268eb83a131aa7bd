using System;

namespace Commerce.Sdk
{
    /// <summary>An <c>AuctionLost</c> push: the auction this player bid in closed with another bidder's <see cref="WinningBid"/>.</summary>
    public sealed class AuctionLost
    {
        private AuctionLost(JsonValue json)
        {
            ItemId = json.GetStringOrDefault("itemId") ?? string.Empty;
            AuctionId = json.GetStringOrDefault("auctionId") ?? string.Empty;
            WinningBid = json.GetDecimalOrNull("winningBid") ?? 0m;
            Currency = json.GetStringOrDefault("currency") ?? "ETH";
        }

        public string ItemId { get; }

        public string AuctionId { get; }

        public decimal WinningBid { get; }

        public string Currency { get; }

        /// <exception cref="FormatException">Not an object.</exception>
        public static AuctionLost FromJson(JsonValue json) =>
            json.Kind == JsonKind.Object ? new AuctionLost(json) : throw new FormatException("An AuctionLost payload must be a JSON object.");
    }
}
