using Orleans;

namespace Commerce.Actors.NftItem;

[GenerateSerializer, Immutable, Alias("commerce.state.Bid")]
public sealed record Bid(
    [property: Id(0)] string Bidder,
    [property: Id(1)] decimal Amount,
    [property: Id(2)] string Currency,
    [property: Id(3)] string Marketplace,
    [property: Id(4)] DateTimeOffset At);
