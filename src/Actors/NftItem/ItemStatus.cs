using Orleans;

namespace Commerce.Actors.NftItem;

/// <summary>Where an item stands; serialized by name in the state JSON, by value in grain calls.</summary>
[GenerateSerializer, Alias("commerce.state.ItemStatus")]
public enum ItemStatus
{
    Available,
    Reserved,
    Sold,
    Minted,

    /// <summary>Paid for by one order, settlement under way (an installment plan, a custodial mint): held with no expiry until sold or released.</summary>
    Settling,

    /// <summary>Held for its auction (taking bids, or offered to a bidder who has not ordered yet) until the auction ends.</summary>
    Auctioned,
}
