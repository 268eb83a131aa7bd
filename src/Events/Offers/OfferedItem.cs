namespace Commerce.Events.Offers;

/// <summary>
/// One recommended item: its price (whole units, e.g. "0.0525") in <see cref="Currency"/>, the list price it was made
/// from, each factor's contribution, and the signed EIP-712 quote the checkout contract accepts.
/// </summary>
public sealed record OfferedItem(
    int Rank,
    string ItemId,
    string Collection,
    string Rarity,
    string Price,
    string ListPrice,
    string Currency,
    DateTimeOffset ExpiresAt,
    IReadOnlyList<OfferFactor> Explanation,
    SignedQuote Quote);
