using Orleans;

namespace Commerce.Events.Campaigns;

/// <summary>A time-limited campaign discounts a collection by <see cref="Discount"/> (0..1) from <see cref="From"/> until <see cref="Until"/>. Key: collection.</summary>
[GenerateSerializer, Immutable, Alias("commerce.events.CampaignStarted")]
public sealed record CampaignStarted(
    [property: Id(0)] string CampaignId,
    [property: Id(1)] string Collection,
    [property: Id(2)] decimal Discount,
    [property: Id(3)] DateTimeOffset From,
    [property: Id(4)] DateTimeOffset Until) : IEvent;
