namespace Commerce.Pricing.State;

/// <summary>One interest a player showed, as kept for engagement and recommendations.</summary>
public readonly record struct PlayerInterest(string ItemId, string Collection, TimeSpan Dwell, DateTimeOffset At);
