using Orleans;

namespace Commerce.Actors.NftItem;

/// <summary>An item held for one order until <see cref="Until"/> (event time).</summary>
[GenerateSerializer, Immutable, Alias("commerce.state.Reservation")]
public sealed record Reservation(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string PlayerId,
    [property: Id(2)] DateTimeOffset Until);
