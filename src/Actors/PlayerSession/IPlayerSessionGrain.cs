using Commerce.Actors.Runtime;
using Commerce.Events.Player;

namespace Commerce.Actors.PlayerSession;

/// <summary>
/// One player's live session. Key: the player id (lowercase wallet address). Fed by commerce.player-events
/// (<see cref="IIngressGrain.ApplyAsync"/>: interests, loyalty, wallet links, chat intents, offers); order grains tell
/// it of their changes by call.
/// </summary>
[Alias("commerce.IPlayerSessionGrain")]
public interface IPlayerSessionGrain : IIngressGrain
{
    /// <summary>An order of this player changed state: kept in Orders (bounded) and pushed with kind "OrderUpdated".</summary>
    [Alias("UpdateOrder")]
    Task<Replies> UpdateOrderAsync(OrderUpdated order);

    /// <summary>A campaign's airdrop reached the player's wallet: pushed with kind "AirdropDelivered" (once per campaign).</summary>
    [Alias("NotifyAirdrop")]
    Task<Replies> NotifyAirdropAsync(Commerce.Events.Campaigns.AirdropDelivered airdrop);
}
