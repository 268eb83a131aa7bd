namespace Commerce.Sdk
{
    /// <summary>The answers an auction gives a bid.</summary>
    public static class BidStatuses
    {
        public const string Accepted = "accepted";
        public const string TooLow = "tooLow";
        public const string Ended = "ended";
        public const string AlreadyHighest = "alreadyHighest";
        public const string WrongCurrency = "wrongCurrency";
    }
}
