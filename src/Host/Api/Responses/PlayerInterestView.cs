namespace Commerce.Host.Api.Responses;

/// <summary>The player's interest in one item: how often, how long in all, first and last time.</summary>
public sealed record PlayerInterestView(string ItemId, int Count, double TotalDwellSeconds, DateTimeOffset FirstAt, DateTimeOffset LastAt);
