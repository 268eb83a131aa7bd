namespace Commerce.Actors.Auctions;

/// <summary>What an auction's quote says: the item at <see cref="Price"/> (whole units of <see cref="Currency"/>) for <see cref="Buyer"/> until <see cref="ExpiresAt"/>.</summary>
public sealed record AuctionQuoteTerms(
    string QuoteId,
    string Buyer,
    string ItemId,
    string Collection,
    string Currency,
    decimal Price,
    DateTimeOffset ExpiresAt);
