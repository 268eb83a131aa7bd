using Orleans;

namespace Commerce.Events.Player;

/// <summary>The CRM changed a player's loyalty tier or lifetime value. Key: player id.</summary>
[GenerateSerializer, Immutable, Alias("commerce.events.LoyaltyUpdated")]
public sealed record LoyaltyUpdated(
    [property: Id(0)] string PlayerId,
    [property: Id(1)] string Tier,
    [property: Id(2)] decimal LifetimeValue) : IEvent;
