namespace Commerce.Host.Api;

/// <summary>A marketplace bid as a buyer sees it: how much, where and when; not who.</summary>
public sealed record BidView(decimal Amount, string Currency, string Marketplace, DateTimeOffset At);
