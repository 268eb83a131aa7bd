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
    }
}
