namespace Commerce.Marketing.Campaigns;

public enum CampaignProblem
{
    None,
    /// <summary>A field is wrong (<see cref="CampaignAnswer.Field"/> names it).</summary>
    Invalid,
    NotFound,
    /// <summary>The campaign is not in a state that allows it, or the edit was made against an older version.</summary>
    Conflict,
}
