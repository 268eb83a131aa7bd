namespace Commerce.Sdk
{
    /// <summary>The push kinds the server sends (docs/API.md); a game ignores kinds it does not know.</summary>
    public static class PushTypes
    {
        public const string InterestRecorded = "InterestRecorded";
        public const string OfferMade = "OfferMade";
        public const string OrderUpdated = "OrderUpdated";
        public const string AuctionWon = "AuctionWon";
        public const string AuctionLost = "AuctionLost";

        /// <summary>The first frame of every auction watch connection: the auction as it stands.</summary>
        public const string AuctionSnapshot = "AuctionSnapshot";

        /// <summary>An accepted bid on a watched auction.</summary>
        public const string BidAccepted = "BidAccepted";
    }
}
