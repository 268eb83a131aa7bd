namespace Commerce.Actors.PlayerSession;

/// <summary>The body of the push a player receives when its interest was recorded.</summary>
public sealed record InterestRecorded(string ItemId, double DwellSeconds, long InterestCount, Guid EventId);
