using Orleans;

namespace Commerce.Actors.PlayerSession;

/// <summary>A player's interest in one item, aggregated.</summary>
[GenerateSerializer, Immutable, Alias("commerce.state.ItemInterest")]
public sealed record ItemInterest(
    [property: Id(0)] string ItemId,
    [property: Id(1)] int Count,
    [property: Id(2)] double TotalDwellSeconds,
    [property: Id(3)] DateTimeOffset FirstAt,
    [property: Id(4)] DateTimeOffset LastAt);
