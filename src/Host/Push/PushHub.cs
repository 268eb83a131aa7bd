using System.Collections.Concurrent;

namespace Commerce.Host.Push;

/// <summary>The push WebSockets open on this instance, by player.</summary>
public sealed class PushHub
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, PushConnection>> _byPlayer = new();

    public int ConnectionCount => _byPlayer.Values.Sum(c => c.Count);

    /// <summary>A new connection of <paramref name="playerId"/>, or null when it already holds <paramref name="max"/> here.</summary>
    public PushConnection? TryRegister(string playerId, int max)
    {
        var connections = _byPlayer.GetOrAdd(playerId, _ => new());
        lock (connections)
        {
            if (connections.Count >= max)
                return null;
            var connection = new PushConnection(playerId);
            connections.TryAdd(connection.Id, connection);
            return connection;
        }
    }

    public void Unregister(PushConnection connection)
    {
        if (_byPlayer.TryGetValue(connection.PlayerId, out var connections))
        {
            lock (connections)
                connections.TryRemove(connection.Id, out _);
        }
    }

    public void Deliver(string playerId, PushFrame frame)
    {
        if (!_byPlayer.TryGetValue(playerId, out var connections))
            return;
        foreach (var connection in connections.Values)
            connection.Offer(frame);
    }
}
