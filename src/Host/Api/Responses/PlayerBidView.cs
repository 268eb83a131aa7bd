namespace Commerce.Host.Api.Responses;

/// <summary>One of the player's accepted auction bids.</summary>
public sealed record PlayerBidView(string ItemId, string AuctionId, string BidId, decimal Amount, string Currency, DateTimeOffset At);
