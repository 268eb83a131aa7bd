namespace Commerce.Marketing.Campaigns;

public enum BatchStage
{
    Requested,
    Submitted,
    Mined,
}
