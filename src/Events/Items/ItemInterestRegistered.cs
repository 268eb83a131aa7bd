using Orleans;

namespace Commerce.Events.Items;

/// <summary>
/// A player's interest, re-keyed by item so the item's grain can count it. Emitted by the player
/// session grain through its outbox. Key: item id.
/// </summary>
[GenerateSerializer, Immutable, Alias("commerce.events.ItemInterestRegistered")]
public sealed record ItemInterestRegistered(
    [property: Id(0)] string ItemId,
    [property: Id(1)] string PlayerId,
    [property: Id(2)] double DwellSeconds,
    [property: Id(3)] DateTimeOffset ShownAt) : IEvent;
