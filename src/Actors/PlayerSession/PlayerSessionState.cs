using Orleans;

namespace Commerce.Actors.PlayerSession;

/// <summary>
/// What the platform knows of one player right now. Lists are bounded (most recent first), so a
/// long-lived player does not grow without limit.
/// </summary>
[GenerateSerializer, Immutable, Alias("commerce.state.PlayerSessionState")]
public sealed record PlayerSessionState(
    [property: Id(0)] string PlayerId,
    [property: Id(1)] string? WalletAddress,
    [property: Id(2)] string LoyaltyTier,
    [property: Id(3)] decimal LifetimeValue,
    [property: Id(4)] IReadOnlyList<ItemInterest> Interests,
    [property: Id(5)] long InterestCount,
    [property: Id(6)] IReadOnlyList<ChatIntent> ChatIntents,
    [property: Id(7)] IReadOnlyList<OfferSummary> RecentOffers,
    [property: Id(8)] IReadOnlyList<OrderSummary> Orders,
    [property: Id(9)] long PushSeq,
    [property: Id(10)] DateTimeOffset? LastSeenAt,
    [property: Id(11)] IReadOnlyList<PlayerBid>? Bids = null,
    [property: Id(12)] IReadOnlyList<string>? AuctionNotices = null)
{
    /// <summary>Accepted bids kept (most recent first).</summary>
    public const int MaxBids = 50;

    /// <summary>Auction pushes remembered, so a redelivered one is not pushed twice.</summary>
    public const int MaxAuctionNotices = 30;

    public const int MaxInterests = 50;

    /// <summary>Pushes kept for a reconnecting client, in the grain's journal (not in this state).</summary>
    public const int MaxPushes = 32;

    public static PlayerSessionState New(string playerId) =>
        new(playerId, null, "none", 0m, [], 0, [], [], [], 0, null);
}
