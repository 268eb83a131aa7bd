using Commerce.Actors.Runtime;
using Commerce.Events.Auctions;
using Commerce.Events.Player;

namespace Commerce.Actors.PlayerSession;

/// <summary>
/// One player's live session. Key: the player id (lowercase wallet address). Fed by commerce.player-events
/// (<see cref="IIngressGrain.ApplyAsync"/>: interests, loyalty, wallet links, chat intents); live pricing hands it
/// offers and order grains tell it of their changes by call.
/// </summary>
[Alias("commerce.IPlayerSessionGrain")]
public interface IPlayerSessionGrain : IIngressGrain
{
    /// <summary>An order of this player changed state: kept in Orders (bounded) and pushed with kind "OrderUpdated".</summary>
    [Alias("UpdateOrder")]
    Task<Replies> UpdateOrderAsync(OrderUpdated order);

    /// <summary>
    /// The player bids: passed to the item's auction, whose answer (BidAccepted or BidRefused) is answered back; an
    /// accepted bid is kept in <see cref="PlayerSessionState.Bids"/> first (the player's "my bids").
    /// </summary>
    [Alias("Bid")]
    Task<Replies> BidAsync(BidSubmitted bid);

    /// <summary>
    /// Live pricing made this player an offer: its items kept in <see cref="PlayerSessionState.RecentOffers"/> and the
    /// offer pushed with kind "OfferMade", once per offer id (a second call with the same offer changes nothing).
    /// </summary>
    [Alias("ReceiveOffer")]
    Task<Replies> ReceiveOfferAsync(Commerce.Events.Offers.OfferMade offer);

    /// <summary>The session as this grain holds it (the chat reads the player's own offers from it).</summary>
    [Alias("GetState")]
    Task<PlayerSessionState> GetStateAsync();

    /// <summary>A campaign's airdrop reached the player's wallet: pushed with kind "AirdropDelivered" (once per campaign).</summary>
    [Alias("NotifyAirdrop")]
    Task<Replies> NotifyAirdropAsync(Commerce.Events.Campaigns.AirdropDelivered airdrop);
}
