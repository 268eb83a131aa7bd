using Orleans;

namespace Commerce.Events.Offers;

/// <summary>
/// One recommended item: its price (whole units, e.g. "0.0525") in <see cref="Currency"/>, the list price it was made
/// from, each factor's contribution, and the signed EIP-712 quote the checkout contract accepts.
/// </summary>
[GenerateSerializer, Immutable, Alias("commerce.events.OfferedItem")]
public sealed record OfferedItem(
    [property: Id(0)] int Rank,
    [property: Id(1)] string ItemId,
    [property: Id(2)] string Collection,
    [property: Id(3)] string Rarity,
    [property: Id(4)] string Price,
    [property: Id(5)] string ListPrice,
    [property: Id(6)] string Currency,
    [property: Id(7)] DateTimeOffset ExpiresAt,
    [property: Id(8)] IReadOnlyList<OfferFactor> Explanation,
    [property: Id(9)] SignedQuote Quote);
