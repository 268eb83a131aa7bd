namespace Commerce.Events.Player;

/// <summary>The CRM changed a player's loyalty tier or lifetime value. Key: player id.</summary>
public sealed record LoyaltyUpdated(string PlayerId, string Tier, decimal LifetimeValue) : IEvent;
