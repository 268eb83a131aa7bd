using System.Collections.Concurrent;

namespace Commerce.Connectors.Crm.Local;

/// <summary>Failures queued per endpoint (each answers one request) and the requests each endpoint received.</summary>
public sealed class LocalCrmFaults
{
    private readonly ConcurrentDictionary<LocalCrmEndpoint, ConcurrentQueue<LocalCrmFault>> _queued = new();
    private readonly ConcurrentDictionary<LocalCrmEndpoint, long> _requests = new();
    private readonly ConcurrentDictionary<int, long> _answered = new();

    public void Enqueue(LocalCrmEndpoint endpoint, LocalCrmFault fault, int times = 1)
    {
        var queue = _queued.GetOrAdd(endpoint, _ => new ConcurrentQueue<LocalCrmFault>());
        for (var i = 0; i < times; i++)
            queue.Enqueue(fault);
    }

    public LocalCrmFault? Next(LocalCrmEndpoint endpoint)
    {
        _requests.AddOrUpdate(endpoint, 1, (_, n) => n + 1);
        return _queued.TryGetValue(endpoint, out var queue) && queue.TryDequeue(out var fault) ? fault : null;
    }

    public long Requests(LocalCrmEndpoint endpoint) => _requests.GetValueOrDefault(endpoint);

    /// <summary>Responses sent with <paramref name="status"/> (faults and refusals alike).</summary>
    public long Answered(int status) => _answered.GetValueOrDefault(status);

    public void CountAnswer(int status) => _answered.AddOrUpdate(status, 1, (_, n) => n + 1);
}
