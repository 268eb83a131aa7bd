namespace Commerce.Marketing.Campaigns;

/// <summary>What became of wallets handed to a campaign: newly claimed, already claimed before, or not taken (not running, cap, budget).</summary>
[GenerateSerializer, Immutable, Alias("commerce.marketing.TargetResult")]
public sealed record TargetResult(
    [property: Id(0)] int Claimed,
    [property: Id(1)] int AlreadyClaimed,
    [property: Id(2)] int NotTaken,
    [property: Id(3)] CampaignStatus Status);
