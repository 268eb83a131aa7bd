using Orleans;

namespace Commerce.Events.Campaigns;

/// <summary>A campaign was stopped (at or before its planned end). Key: collection.</summary>
[GenerateSerializer, Immutable, Alias("commerce.events.CampaignEnded")]
public sealed record CampaignEnded(
    [property: Id(0)] string CampaignId,
    [property: Id(1)] string Collection) : IEvent;
