namespace Commerce.Marketing.Campaigns;

/// <summary>One entry of a campaign's audit trail: version <see cref="Version"/> was made by <see cref="By"/> at <see cref="At"/>.</summary>
/// <param name="Action">created, edited, scheduled, started, paused, resumed, stopped, ended, retried.</param>
/// <param name="Changes">"field: old -> new" for an edit; the reason for the others.</param>
[GenerateSerializer, Immutable, Alias("commerce.marketing.CampaignEdit")]
public sealed record CampaignEdit(
    [property: Id(0)] int Version,
    [property: Id(1)] string By,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string Action,
    [property: Id(4)] IReadOnlyList<string> Changes);
