using Orleans;

namespace Commerce.Events.Player;

/// <summary>An order of this player changed state; the player's session keeps it and pushes it. Key: player id.</summary>
[GenerateSerializer, Immutable, Alias("commerce.events.OrderUpdated")]
public sealed record OrderUpdated(
    [property: Id(0)] string PlayerId,
    [property: Id(1)] string OrderId,
    [property: Id(2)] string ItemId,
    [property: Id(3)] string Status,
    [property: Id(4)] string? Detail) : IEvent;
