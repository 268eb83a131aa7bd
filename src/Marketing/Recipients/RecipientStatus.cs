namespace Commerce.Marketing.Recipients;

public enum RecipientStatus
{
    /// <summary>No claim: the grain was never claimed.</summary>
    None,
    Claimed,
    Minting,
    Delivered,
    Failed,
}
