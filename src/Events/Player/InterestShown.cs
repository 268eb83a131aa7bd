using Orleans;

namespace Commerce.Events.Player;

/// <summary>A player looked at an item long enough to count as interest. Key: player id.</summary>
[GenerateSerializer, Immutable, Alias("commerce.events.InterestShown")]
public sealed record InterestShown(
    [property: Id(0)] string PlayerId,
    [property: Id(1)] string ItemId,
    [property: Id(2)] double DwellSeconds,
    [property: Id(3)] string Source) : IEvent;
