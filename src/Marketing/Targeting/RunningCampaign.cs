using Commerce.Marketing.Rules;

namespace Commerce.Marketing.Targeting;

/// <summary>A running campaign's id with its compiled rule.</summary>
public sealed record RunningCampaign(string CampaignId, CompiledRule Rule, bool Backfilled);
