namespace Commerce.Marketing.Recipients;

/// <summary>What the campaign tells a recipient about its delivery: minting in a batch, delivered by a transaction, or failed.</summary>
[GenerateSerializer, Immutable, Alias("commerce.marketing.RecipientUpdate")]
public sealed record RecipientUpdate(
    [property: Id(0)] RecipientStatus Status,
    [property: Id(1)] int Batch,
    [property: Id(2)] string? TransactionHash,
    [property: Id(3)] string? Reason,
    [property: Id(4)] string CampaignName,
    [property: Id(5)] string Contract);
