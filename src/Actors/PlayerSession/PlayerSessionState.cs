namespace Commerce.Actors.PlayerSession;

/// <summary>
/// What the platform knows of one player right now. Lists are bounded (most recent first), so a
/// long-lived player does not grow without limit.
/// </summary>
public sealed record PlayerSessionState(
    string PlayerId,
    string? WalletAddress,
    string LoyaltyTier,
    decimal LifetimeValue,
    IReadOnlyList<ItemInterest> Interests,
    long InterestCount,
    IReadOnlyList<ChatIntent> ChatIntents,
    IReadOnlyList<OfferSummary> RecentOffers,
    IReadOnlyList<OrderSummary> Orders,
    long PushSeq,
    DateTimeOffset? LastSeenAt)
{
    public const int MaxInterests = 50;

    /// <summary>Pushes kept for a reconnecting client, in the grain's journal (not in this state).</summary>
    public const int MaxPushes = 32;

    public static PlayerSessionState New(string playerId) =>
        new(playerId, null, "none", 0m, [], 0, [], [], [], 0, null);
}
