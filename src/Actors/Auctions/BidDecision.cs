using Commerce.Events.Auctions;

namespace Commerce.Actors.Auctions;

/// <summary>What an auction makes of a bid: the auction after it and the answer, accepted (new or repeated) or refused.</summary>
public sealed record BidDecision(AuctionState? Auction, BidAccepted? Accepted, BidRefused? Refused, bool Repeat)
{
    /// <summary>True when the bid changed the auction (a new highest bid, to be stored and published).</summary>
    public bool Changed => Accepted is not null && !Repeat;
}
