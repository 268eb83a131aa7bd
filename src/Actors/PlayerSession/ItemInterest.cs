namespace Commerce.Actors.PlayerSession;

/// <summary>A player's interest in one item, aggregated.</summary>
public sealed record ItemInterest(string ItemId, int Count, double TotalDwellSeconds, DateTimeOffset FirstAt, DateTimeOffset LastAt);
