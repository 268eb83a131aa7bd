namespace Commerce.Events.Campaigns;

/// <summary>A campaign was stopped (at or before its planned end). Key: collection.</summary>
public sealed record CampaignEnded(string CampaignId, string Collection) : IEvent;
