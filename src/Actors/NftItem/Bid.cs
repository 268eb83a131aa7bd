namespace Commerce.Actors.NftItem;

public sealed record Bid(string Bidder, decimal Amount, string Currency, string Marketplace, DateTimeOffset At);
