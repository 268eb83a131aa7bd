namespace Commerce.Marketing.Campaigns;

public enum CampaignEndReason
{
    None,
    Stopped,
    WindowEnded,
    SupplyCapReached,
    GasBudgetExhausted,
}
