namespace Commerce.Actors.Auctions;

/// <summary>An accepted bid as the item's journal keeps it (<see cref="AuctionBidJournal"/>), with the auction it was for.</summary>
public sealed record JournaledBid(string AuctionId, string BidId, string Bidder, decimal Amount, string Source, DateTimeOffset At, long Seq)
{
    public static JournaledBid Of(string auctionId, AuctionBid bid) => new(auctionId, bid.BidId, bid.Bidder, bid.Amount, bid.Source, bid.At, bid.Seq);

    public AuctionBid ToBid() => new(BidId, Bidder, Amount, Source, At, Seq);
}
