using Orleans;

namespace Commerce.Actors.PlayerSession;

[GenerateSerializer, Immutable, Alias("commerce.state.OfferSummary")]
public sealed record OfferSummary(
    [property: Id(0)] string OfferId,
    [property: Id(1)] string ItemId,
    [property: Id(2)] string Price,
    [property: Id(3)] string Currency,
    [property: Id(4)] DateTimeOffset ExpiresAt);
