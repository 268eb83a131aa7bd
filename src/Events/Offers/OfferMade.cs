namespace Commerce.Events.Offers;

/// <summary>
/// The pricing engine recommended items to a player, ranked, each with a signed price valid until its expiry.
/// Published on the offers topic and on the player's events (so the session grain pushes it). Key: player id.
/// </summary>
public sealed record OfferMade(
    string PlayerId,
    string OfferId,
    string PolicyVersion,
    DateTimeOffset At,
    DateTimeOffset ExpiresAt,
    IReadOnlyList<OfferedItem> Items) : IEvent;
