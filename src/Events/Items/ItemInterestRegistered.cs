namespace Commerce.Events.Items;

/// <summary>
/// A player's interest, re-keyed by item so the item's grain can count it. Emitted by the player
/// session grain through its outbox. Key: item id.
/// </summary>
public sealed record ItemInterestRegistered(string ItemId, string PlayerId, double DwellSeconds, DateTimeOffset ShownAt) : IEvent;
