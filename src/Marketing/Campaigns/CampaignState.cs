namespace Commerce.Marketing.Campaigns;

/// <summary>
/// A campaign as its grain keeps it: the definition and its audit trail, the supply slots given out, the claims under
/// way (<see cref="PendingClaims"/>: stored before the recipients are asked, so a crash resumes them), the recipients
/// waiting for a batch (<see cref="Queue"/>), the batches in flight, and the counts. Delivered wallets are not listed
/// here: each recipient's grain keeps its own record (the delivery log).
/// </summary>
[GenerateSerializer, Immutable, Alias("commerce.marketing.CampaignState")]
public sealed record CampaignState(
    [property: Id(0)] string CampaignId,
    [property: Id(1)] CampaignDefinition? Definition,
    [property: Id(2)] CampaignStatus Status,
    [property: Id(3)] int Version,
    [property: Id(4)] IReadOnlyList<CampaignEdit> Edits,
    [property: Id(5)] CampaignEndReason EndReason,
    [property: Id(6)] int NextSlot,
    [property: Id(7)] IReadOnlyList<int> FreeSlots,
    [property: Id(8)] IReadOnlyList<RecipientSlot> PendingClaims,
    [property: Id(9)] IReadOnlyList<RecipientSlot> Queue,
    [property: Id(10)] IReadOnlyList<MintBatch> Batches,
    [property: Id(11)] int NextBatch,
    [property: Id(12)] int Delivered,
    [property: Id(13)] IReadOnlyList<RecipientSlot> Failed,
    [property: Id(15)] long GasSpent,
    [property: Id(16)] IReadOnlyList<MinuteCount> DeliveriesPerMinute,
    [property: Id(17)] bool Backfilled,
    [property: Id(18)] DateTimeOffset? BackfillLeaseUntil,
    [property: Id(19)] DateTimeOffset? StartedAt,
    [property: Id(20)] DateTimeOffset? EndedAt,
    [property: Id(21)] string? LastError,
    [property: Id(22)] string? BackfillHost)
{
    /// <summary>Minutes of the deliveries chart kept (a day).</summary>
    public const int MaxMinutes = 1440;

    public static CampaignState New(string campaignId) =>
        new(campaignId, null, CampaignStatus.Draft, 0, [], CampaignEndReason.None, 0, [], [], [], [], 1, 0, [], 0, [], false, null, null, null, null, null);

    /// <summary>Slots given out and still held (claimed, queued, minting, delivered or failed).</summary>
    public int SlotsTaken => NextSlot - FreeSlots.Count;

    /// <summary>How many wallets the supply cap allows.</summary>
    public int SlotCapacity => Definition is null ? 0 : Definition.SupplyCap / Definition.Quantity;

    /// <summary>Gas of the batches sent and not yet confirmed or failed.</summary>
    public long GasInFlight => Batches.Sum(b => b.GasLimit);

    /// <summary>Wallets claimed and not yet confirmed or failed.</summary>
    public int Pending => PendingClaims.Count + Queue.Count + Batches.Sum(b => b.Recipients.Count);
}
