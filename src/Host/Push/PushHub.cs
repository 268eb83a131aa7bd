using System.Collections.Concurrent;

namespace Commerce.Host.Push;

/// <summary>The push WebSockets open on this instance, by player.</summary>
public sealed class PushHub
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, PushConnection>> _byPlayer = new();

    public int ConnectionCount => _byPlayer.Values.Sum(c => c.Count);

    public PushConnection Register(string playerId)
    {
        var connection = new PushConnection(playerId);
        _byPlayer.GetOrAdd(playerId, _ => new()).TryAdd(connection.Id, connection);
        return connection;
    }

    public void Unregister(PushConnection connection)
    {
        if (_byPlayer.TryGetValue(connection.PlayerId, out var connections))
            connections.TryRemove(connection.Id, out _);
    }

    public void Deliver(string playerId, PushFrame frame)
    {
        if (!_byPlayer.TryGetValue(playerId, out var connections))
            return;
        foreach (var connection in connections.Values)
            connection.Offer(frame);
    }
}
