namespace Commerce.Marketing.Campaigns;

/// <summary>The campaign after an operation, or why the operation was refused (nothing changed then).</summary>
[GenerateSerializer, Immutable, Alias("commerce.marketing.CampaignAnswer")]
public sealed record CampaignAnswer(
    [property: Id(0)] CampaignState? Campaign,
    [property: Id(1)] CampaignProblem Problem,
    [property: Id(2)] string? Field,
    [property: Id(3)] string? Error,
    [property: Id(4)] int? Position)
{
    public static CampaignAnswer Ok(CampaignState state) => new(state, CampaignProblem.None, null, null, null);

    public static CampaignAnswer Refused(CampaignProblem problem, string field, string error, int? position = null) => new(null, problem, field, error, position);
}
