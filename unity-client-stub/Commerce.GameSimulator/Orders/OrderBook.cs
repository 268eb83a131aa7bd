using System.Collections.Concurrent;
using Commerce.Sdk;

namespace Commerce.GameSimulator.Orders;

/// <summary>A player's orders by id. A push may arrive before the HTTP answer that names the order, so tracks are made on first sight.</summary>
public sealed class OrderBook
{
    private readonly ConcurrentDictionary<string, OrderTrack> _tracks = new(StringComparer.OrdinalIgnoreCase);

    public OrderTrack Track(string orderId) => _tracks.GetOrAdd(orderId, id => new OrderTrack(id));

    public void OnPush(OrderUpdate update) => Track(update.OrderId).OnPush(update);
}
