using Commerce.Events.Offers;
using Commerce.Events.Player;

namespace Commerce.Actors.PlayerSession;

/// <summary>One player's live session. Key: the player id (lowercase wallet address). Input: the player-events topic.</summary>
public interface IPlayerSessionGrain
{
    ValueTask ShowInterestAsync(InterestShown interest);

    ValueTask UpdateLoyaltyAsync(LoyaltyUpdated loyalty);

    ValueTask LinkWalletAsync(WalletLinked wallet);

    ValueTask DetectIntentAsync(ChatIntentDetected intent);

    /// <summary>An offer the pricing engine made: kept in RecentOffers and pushed with kind "OfferMade".</summary>
    ValueTask ReceiveOfferAsync(OfferMade offer);

    /// <summary>An order of this player changed state: kept in Orders (bounded) and pushed with kind "OrderUpdated".</summary>
    ValueTask UpdateOrderAsync(OrderUpdated order);
}
