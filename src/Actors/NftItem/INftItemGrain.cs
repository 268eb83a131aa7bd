using Commerce.Events.Items;

namespace Commerce.Actors.NftItem;

/// <summary>One NFT item. Key: the item id ("collection:tokenId"). Input: the item-events topic.</summary>
public interface INftItemGrain
{
    ValueTask ListAsync(ItemListed listing);

    ValueTask RegisterInterestAsync(ItemInterestRegistered interest);

    /// <summary>Holds the item for an order, or refuses; answers on the order-events topic.</summary>
    ValueTask ReserveAsync(ReservationRequested request);

    ValueTask ReleaseAsync(ReservationReleased release);

    ValueTask ExpireAsync(ReservationExpired expired);

    /// <summary>An order paid for the item (plan started, custodial funds held): held for it, with no expiry, until sold or released.</summary>
    ValueTask HoldPaidForAsync(ItemPaidFor paid);

    /// <summary>An order bought the item: it belongs to the buyer's wallet, Minted when the mint is confirmed.</summary>
    ValueTask SellAsync(ItemSold sold);
}
