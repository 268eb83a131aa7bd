using System.Collections.Concurrent;

namespace Commerce.Connectors.Marketplaces.Callbacks;

/// <summary>Callbacks delivered and failed attempts, per marketplace, since the start.</summary>
public sealed class SaleCallbackCounters
{
    private readonly ConcurrentDictionary<string, (long Delivered, long Failed)> _counts = new(StringComparer.OrdinalIgnoreCase);

    public long DeliveredTo(string marketplace) => _counts.TryGetValue(marketplace, out var c) ? c.Delivered : 0;

    public long FailedTo(string marketplace) => _counts.TryGetValue(marketplace, out var c) ? c.Failed : 0;

    internal void Delivered(string marketplace) => _counts.AddOrUpdate(marketplace, (1, 0), (_, c) => (c.Delivered + 1, c.Failed));

    internal void Failed(string marketplace) => _counts.AddOrUpdate(marketplace, (0, 1), (_, c) => (c.Delivered, c.Failed + 1));
}
