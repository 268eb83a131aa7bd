using Orleans;

namespace Commerce.Actors.NftItem;

/// <summary>Interest in an item during one minute (event time).</summary>
[GenerateSerializer, Immutable, Alias("commerce.state.InterestBucket")]
public sealed record InterestBucket(
    [property: Id(0)] DateTimeOffset Minute,
    [property: Id(1)] int Count);
