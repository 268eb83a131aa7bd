namespace Commerce.Marketing.Recipients;

/// <summary>One (campaign, wallet) pair. Key: "campaign id|wallet" (<see cref="CampaignRecipientGrain.KeyOf"/>).</summary>
[Alias("commerce.ICampaignRecipientGrain")]
public interface ICampaignRecipientGrain : IGrainWithStringKey
{
    /// <summary>Claims the pair for supply slot <paramref name="slot"/> with its token ids; a pair already claimed keeps its first claim.</summary>
    [Alias("Claim")]
    Task<ClaimAnswer> ClaimAsync(int slot, IReadOnlyList<string> tokenIds);

    [Alias("Update")]
    Task UpdateAsync(RecipientUpdate update);

    [Alias("Get")]
    Task<RecipientState> GetAsync();
}
