namespace Commerce.Marketing.Recipients;

/// <summary>
/// The durable claim of one (campaign, wallet) pair: stored once, before the wallet can be put in a batch, so the pair
/// is delivered at most once whatever restarts, redelivers or runs twice. Also the delivery log's row.
/// </summary>
[GenerateSerializer, Immutable, Alias("commerce.marketing.RecipientState")]
public sealed record RecipientState(
    [property: Id(0)] string CampaignId,
    [property: Id(1)] string Wallet,
    [property: Id(2)] RecipientStatus Status,
    [property: Id(3)] int Slot,
    [property: Id(4)] IReadOnlyList<string> TokenIds,
    [property: Id(5)] int? Batch,
    [property: Id(6)] string? TransactionHash,
    [property: Id(7)] string? Reason,
    [property: Id(8)] int Attempts,
    [property: Id(9)] DateTimeOffset? ClaimedAt,
    [property: Id(10)] DateTimeOffset? UpdatedAt,
    [property: Id(11)] bool Pushed)
{
    public static RecipientState New(string campaignId, string wallet) =>
        new(campaignId, wallet, RecipientStatus.None, -1, [], null, null, null, 0, null, null, false);
}
