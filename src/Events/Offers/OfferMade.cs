using Orleans;

namespace Commerce.Events.Offers;

/// <summary>
/// The pricing engine recommended items to a player, ranked, each with a signed price valid until its expiry.
/// Handed to the player's session grain by call (which pushes it) and published on the offers topic. Key: player id.
/// </summary>
[GenerateSerializer, Immutable, Alias("commerce.events.OfferMade")]
public sealed record OfferMade(
    [property: Id(0)] string PlayerId,
    [property: Id(1)] string OfferId,
    [property: Id(2)] string PolicyVersion,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] DateTimeOffset ExpiresAt,
    [property: Id(5)] IReadOnlyList<OfferedItem> Items) : IEvent;
