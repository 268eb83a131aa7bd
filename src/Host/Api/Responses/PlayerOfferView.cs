namespace Commerce.Host.Api.Responses;

/// <summary>An offer made to the player: its price (the figure, not how it was reached) and until when it holds.</summary>
public sealed record PlayerOfferView(string OfferId, string ItemId, string Price, string Currency, DateTimeOffset ExpiresAt);
