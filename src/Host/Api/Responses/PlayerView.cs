using Commerce.Actors.PlayerSession;

namespace Commerce.Host.Api.Responses;

/// <summary>
/// <c>GET /api/me</c> and <c>GET /api/players/{playerId}</c>: what a player may see of its own session (docs/SECURITY.md,
/// "What responses show"), not the grain's state. Left out: the CRM's lifetime value and the chat intents the platform read
/// from the player's messages (inputs of its pricing), and the runtime's own bookkeeping. <see cref="PushSeq"/> is the
/// number of the player's last push, the cursor a push socket resumes from.
/// </summary>
public sealed record PlayerView(
    string PlayerId,
    string? WalletAddress,
    string LoyaltyTier,
    long InterestCount,
    IReadOnlyList<PlayerInterestView> Interests,
    IReadOnlyList<PlayerOfferView> RecentOffers,
    IReadOnlyList<PlayerOrderView> Orders,
    IReadOnlyList<PlayerBidView> Bids,
    long PushSeq,
    DateTimeOffset? LastSeenAt)
{
    public static PlayerView Of(PlayerSessionState session) => new(
        session.PlayerId,
        session.WalletAddress,
        session.LoyaltyTier,
        session.InterestCount,
        [.. session.Interests.Select(i => new PlayerInterestView(i.ItemId, i.Count, i.TotalDwellSeconds, i.FirstAt, i.LastAt))],
        [.. session.RecentOffers.Select(o => new PlayerOfferView(o.OfferId, o.ItemId, o.Price, o.Currency, o.ExpiresAt))],
        [.. session.Orders.Select(PlayerOrderView.Of)],
        [.. (session.Bids ?? []).Select(b => new PlayerBidView(b.ItemId, b.AuctionId, b.BidId, b.Amount, b.Currency, b.At))],
        session.PushSeq,
        session.LastSeenAt);
}
