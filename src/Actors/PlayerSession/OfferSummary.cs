namespace Commerce.Actors.PlayerSession;

public sealed record OfferSummary(string OfferId, string ItemId, string Price, string Currency, DateTimeOffset ExpiresAt);
