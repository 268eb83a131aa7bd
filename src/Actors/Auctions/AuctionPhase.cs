using Orleans;

namespace Commerce.Actors.Auctions;

/// <summary>Where an auction stands; serialized by name in the state JSON.</summary>
[GenerateSerializer, Alias("commerce.state.AuctionPhase")]
public enum AuctionPhase
{
    /// <summary>Taking bids: before the first bid at or above the reserve (no clock yet), or until its end.</summary>
    Open,

    /// <summary>Bidding is over; the item is offered to a bidder (the winner, then the next highest) until its payment window ends.</summary>
    AwaitingPayment,

    /// <summary>Sold, unsold or cancelled; the hold on the item was released.</summary>
    Ended,
}
