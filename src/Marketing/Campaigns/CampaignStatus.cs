namespace Commerce.Marketing.Campaigns;

/// <summary>A campaign's life: draft -> scheduled -> running &lt;-> paused -> finished (a draft may also start at once).</summary>
public enum CampaignStatus
{
    Draft,
    Scheduled,
    Running,
    Paused,
    Finished,
}
