using Commerce.Pricing.Amounts;

namespace Commerce.Pricing.State;

internal sealed class CollectionState
{
    public Money? Floor { get; set; }

    public long FloorTicks { get; set; } = long.MinValue;

    /// <summary>Sorted by time.</summary>
    public List<(long Ticks, Money Price)> Sales { get; } = [];

    /// <summary>Keyed by campaign id, ordinal.</summary>
    public SortedDictionary<string, CampaignState> Campaigns { get; } = new(StringComparer.Ordinal);
}
