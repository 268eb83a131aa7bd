namespace Commerce.Pricing.Windows;

/// <summary>
/// The list prices quoted per item, kept as sliding-window minimum and maximum (monotonic deques, O(1) amortised).
/// The engine's rate limit uses them: a new list price stays within maxChange of every list price quoted less
/// than one window ago. Times per item are taken as non-decreasing (an earlier time counts as the latest one).
/// </summary>
public sealed class PriceHistory
{
    private readonly Dictionary<string, ItemPrices> _items = new(StringComparer.Ordinal);

    public void Record(string itemId, DateTimeOffset at, Int128 listPrice)
    {
        if (!_items.TryGetValue(itemId, out var item))
        {
            item = new ItemPrices();
            _items[itemId] = item;
        }

        var t = Math.Max(at.UtcTicks, item.LastTicks);
        item.LastTicks = t;
        while (item.Max.Count > 0 && item.Max.BackPrice <= listPrice)
        {
            item.Max.PopBack();
        }

        item.Max.PushBack(t, listPrice);
        while (item.Min.Count > 0 && item.Min.BackPrice >= listPrice)
        {
            item.Min.PopBack();
        }

        item.Min.PushBack(t, listPrice);
    }

    /// <summary>Lowest and highest list price quoted in (at - window, at]; (0, 0) when none.</summary>
    public (Int128 Low, Int128 High) Range(string itemId, DateTimeOffset at, TimeSpan window)
    {
        if (!_items.TryGetValue(itemId, out var item))
        {
            return (0, 0);
        }

        var oldest = at.UtcTicks - window.Ticks;
        while (item.Max.Count > 0 && item.Max.FrontTicks <= oldest)
        {
            item.Max.PopFront();
        }

        while (item.Min.Count > 0 && item.Min.FrontTicks <= oldest)
        {
            item.Min.PopFront();
        }

        return item.Min.Count == 0 ? (0, 0) : (item.Min.FrontPrice, item.Max.FrontPrice);
    }

    private sealed class ItemPrices
    {
        public PriceDeque Min { get; } = new();

        public PriceDeque Max { get; } = new();

        public long LastTicks { get; set; } = long.MinValue;
    }
}
