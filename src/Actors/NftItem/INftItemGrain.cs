using Commerce.Actors.Auctions;
using Commerce.Actors.Runtime;
using Commerce.Events.Auctions;
using Commerce.Events.Items;

namespace Commerce.Actors.NftItem;

/// <summary>
/// One NFT item. Key: the item id ("collection:tokenId"). Fed by commerce.item-events listings
/// (<see cref="IIngressGrain.ApplyAsync"/>); player sessions and orders call it. It calls no grain, so every call to it
/// is answered without waiting on another grain, and it interleaves calls (each handler changes the state at once and
/// the writes of calls that arrive together are coalesced). Its sales, holds and releases are also published on
/// commerce.item-events for pricing and the marketplace callbacks.
/// </summary>
[Alias("commerce.INftItemGrain")]
public interface INftItemGrain : IIngressGrain
{
    /// <summary>Counts an interest; <paramref name="origin"/> (the player-events record it came from) makes a repeat count once.</summary>
    [Alias("RegisterInterest")]
    Task<Replies> RegisterInterestAsync(ItemInterestRegistered interest, Origin? origin);

    /// <summary>Holds the item for an order, or refuses: answers ItemReserved or ReservationRefused.</summary>
    [Alias("Reserve")]
    Task<Replies> ReserveAsync(ReservationRequested request);

    [Alias("Release")]
    Task<Replies> ReleaseAsync(ReservationReleased release);

    /// <summary>An order paid for the item (plan started, custodial funds held): held for it, with no expiry, until sold or released.</summary>
    [Alias("HoldPaidFor")]
    Task<Replies> HoldPaidForAsync(ItemPaidFor paid);

    /// <summary>An order bought the item: it belongs to the buyer's wallet, Minted when the mint is confirmed.</summary>
    [Alias("Sell")]
    Task<Replies> SellAsync(ItemSold sold);

    /// <summary>Puts the item up for auction: answers the AuctionOpened (also to a repeat) or AuctionRefused naming the field at fault.</summary>
    [Alias("OpenAuction")]
    Task<Replies> OpenAuctionAsync(AuctionOpened opened);

    /// <summary>Calls the auction off before its first bid: answers the AuctionCancelled or AuctionRefused.</summary>
    [Alias("CancelAuction")]
    Task<Replies> CancelAuctionAsync(AuctionCancelled cancelled);

    /// <summary>Changes the reserve before the first bid: answers the AuctionReserveChanged or AuctionRefused.</summary>
    [Alias("ChangeReserve")]
    Task<Replies> ChangeReserveAsync(AuctionReserveChanged changed);

    /// <summary>
    /// A bid, judged at once against the auction as it stands: answers BidAccepted (stored and published first) or
    /// BidRefused (too low with the minimum, ended, ...; nothing stored), addressed to the bidder.
    /// </summary>
    [Alias("Bid")]
    Task<Replies> BidAsync(BidSubmitted bid);

    /// <summary>The item's auction as it stands (the last one, once ended), or null.</summary>
    [Alias("GetAuction")]
    Task<AuctionState?> GetAuctionAsync();

    /// <summary>The item as this grain holds it (the chat answers from it); an item never listed answers Listed = false.</summary>
    [Alias("GetState")]
    Task<NftItemState> GetStateAsync();

    /// <summary>
    /// An operator delists the item for good: answers the ItemDelisted (also when it was delisted already) or
    /// ItemChangeRefused (not listed, sold, held by an order or an auction).
    /// </summary>
    [Alias("Delist")]
    Task<Replies> DelistAsync(ItemDelisted request);

    /// <summary>An operator edits the list price and/or rarity: answers the ItemEdited, or ItemChangeRefused (not listed, delisted).</summary>
    [Alias("Edit")]
    Task<Replies> EditAsync(ItemEdited request);
}
