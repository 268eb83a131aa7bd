using System.Text.Json;
using Commerce.Actors.Orders;
using Commerce.Actors.Serialization;
using Commerce.Actors.Storage;

namespace Commerce.Host.Operators;

/// <summary>
/// The operators' order search over the stored order grains, in order id (key) order: every filter is optional and
/// they combine (player, status, item, placed from/to). A call reads at most <see cref="ScanBudget"/> stored orders,
/// so a search over a large store returns fewer matches than asked with a <c>next</c> cursor rather than holding
/// the store; following <c>next</c> to its end visits every order once.
/// </summary>
public sealed class OrderSearch(IGrainStore store)
{
    public const int ScanBudget = 5000;
    private const int PageRead = 500;

    public sealed record Filter(string? Player, string? Status, string? Item, DateTimeOffset? From, DateTimeOffset? To);

    public async Task<OrderSearchPage> SearchAsync(Filter filter, string? after, int limit, CancellationToken ct)
    {
        var found = new List<OrderRow>(limit);
        var scanned = 0;
        var cursor = after;
        while (scanned < ScanBudget)
        {
            var want = Math.Min(PageRead, ScanBudget - scanned);
            var page = await store.ScanStatesAsync(OrderGrain.TypeName, "", cursor, want, ct);
            foreach (var row in page)
            {
                scanned++;
                cursor = row.Key;
                var order = JsonSerializer.Deserialize(row.Json, GrainJsonContext.Default.OrderState);
                if (order is not null && Matches(order, filter))
                {
                    found.Add(OrderRow.Of(order));
                    if (found.Count == limit)
                        return new OrderSearchPage(found, scanned, row.Key);
                }
            }
            if (page.Count < want)
                return new OrderSearchPage(found, scanned, null);
        }
        return new OrderSearchPage(found, scanned, cursor);
    }

    private static bool Matches(OrderState order, Filter f) =>
        order.Status != OrderStatus.None
        && (f.Player is null || string.Equals(order.PlayerId, f.Player, StringComparison.OrdinalIgnoreCase))
        && (f.Status is null || order.Status == f.Status)
        && (f.Item is null || order.ItemId == f.Item)
        && (f.From is null || order.PlacedAt >= f.From)
        && (f.To is null || order.PlacedAt < f.To);
}
