namespace Commerce.Pricing.Offers;

/// <summary>Items recommended to one player at one instant, ranked, each with a price that is valid until its expiry.</summary>
public sealed record Offer(
    string OfferId,
    string PlayerId,
    string PolicyVersion,
    DateTimeOffset At,
    DateTimeOffset ExpiresAt,
    IReadOnlyList<OfferItem> Items);
