using Orleans;

namespace Commerce.Actors.NftItem;

/// <summary>One operator's change of the item's catalog entry (the audit): when, who, what ("delisted: ...", "listPrice 2.5 -> 3").</summary>
[GenerateSerializer, Immutable, Alias("commerce.state.ItemChange")]
public sealed record ItemChange(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string By,
    [property: Id(2)] string What);
