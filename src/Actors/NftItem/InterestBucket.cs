namespace Commerce.Actors.NftItem;

/// <summary>Interest in an item during one minute (event time).</summary>
public sealed record InterestBucket(DateTimeOffset Minute, int Count);
