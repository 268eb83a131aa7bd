using Commerce.Marketing.Campaigns;

namespace Commerce.Host.Marketing;

/// <summary>A campaign as the API and the console show it: its definition, status, counts, chart and audit trail.</summary>
public sealed record CampaignView(
    string Id,
    int Version,
    CampaignStatus Status,
    CampaignEndReason EndReason,
    CampaignDefinition Definition,
    int Delivered,
    int Pending,
    int Failed,
    int SupplyCap,
    int TokensGivenOut,
    long GasSpent,
    long GasInFlight,
    long GasBudget,
    bool Backfilled,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    string? LastError,
    IReadOnlyList<string> FailedWallets,
    IReadOnlyList<MintBatch> Batches,
    IReadOnlyList<MinuteCount> DeliveriesPerMinute,
    IReadOnlyList<CampaignEdit> Edits)
{
    public static CampaignView Of(CampaignState s) => new(
        s.CampaignId, s.Version, s.Status, s.EndReason, s.Definition!, s.Delivered, s.Pending, s.Failed.Count, s.Definition!.SupplyCap,
        s.SlotsTaken * s.Definition.Quantity, s.GasSpent, s.GasInFlight, s.Definition.GasBudget, s.Backfilled, s.StartedAt, s.EndedAt,
        s.LastError, [.. s.Failed.Select(f => f.Wallet)], s.Batches, s.DeliveriesPerMinute, s.Edits);
}
