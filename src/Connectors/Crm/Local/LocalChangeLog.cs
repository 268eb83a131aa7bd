namespace Commerce.Connectors.Crm.Local;

/// <summary>
/// The local CRM's retained change events (each a Bayeux delivery, serialized once) and its streaming clients: replay
/// ids are numbers the log hands out; a subscription starts after a given one, from the oldest retained (-2) or from
/// now (-1); a connect returns what is there or waits for it until the hold ends.
/// </summary>
public sealed class LocalChangeLog(int retained, int maxPerConnect = 2_000)
{
    public const long FirstReplayId = 1_001;

    private readonly object _lock = new();
    private readonly List<byte[]> _events = [];
    private readonly Dictionary<string, long> _clients = new(StringComparer.Ordinal); // client -> next replay id
    private long _dropped;
    private TaskCompletionSource _appended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long LastReplayId
    {
        get { lock (_lock) return FirstReplayId + _dropped + _events.Count - 1; }
    }

    /// <summary>Appends a delivery whose JSON <paramref name="write"/> makes from its replay id.</summary>
    public long Append(Func<long, byte[]> write)
    {
        TaskCompletionSource appended;
        long replayId;
        lock (_lock)
        {
            replayId = FirstReplayId + _dropped + _events.Count;
            _events.Add(write(replayId));
            if (_events.Count > retained)
            {
                var drop = _events.Count - retained;
                _events.RemoveRange(0, drop);
                _dropped += drop;
            }
            appended = _appended;
            _appended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        appended.TrySetResult();
        return replayId;
    }

    public string Handshake()
    {
        var id = "local-" + Guid.NewGuid().ToString("N");
        lock (_lock)
            _clients[id] = long.MaxValue; // not subscribed yet
        return id;
    }

    public bool Knows(string? clientId)
    {
        lock (_lock)
            return clientId is not null && _clients.ContainsKey(clientId);
    }

    /// <summary>Forgets every client (as a server that restarted): their next connect is told to handshake again.</summary>
    public void DropClients()
    {
        lock (_lock)
            _clients.Clear();
    }

    /// <summary>Null when subscribed; otherwise the server's error text.</summary>
    public string? Subscribe(string clientId, long replayId)
    {
        lock (_lock)
        {
            var oldest = FirstReplayId + _dropped;
            var next = FirstReplayId + _dropped + _events.Count;
            long from = replayId switch
            {
                -2 => oldest,
                -1 => next,
                _ when replayId >= oldest - 1 && replayId < next => replayId + 1,
                _ => -1,
            };
            if (from < 0)
                return $"400::The replayId {{{replayId}}} you provided was invalid.  Please provide a valid ID, -2 to replay all events, or -1 to replay only new events.";
            _clients[clientId] = from;
            return null;
        }
    }

    /// <summary>The deliveries after the client's position (at most a batch), waiting up to <paramref name="hold"/> for one; null for an unknown client.</summary>
    public async Task<IReadOnlyList<byte[]>?> ConnectAsync(string clientId, TimeSpan hold, TimeProvider clock, CancellationToken ct)
    {
        var deadline = clock.GetUtcNow() + hold;
        while (true)
        {
            Task waitFor;
            lock (_lock)
            {
                if (!_clients.TryGetValue(clientId, out var next))
                    return null;
                var index = next == long.MaxValue ? _events.Count : (int)Math.Max(0, next - FirstReplayId - _dropped);
                if (index < _events.Count)
                {
                    var batch = _events.GetRange(index, Math.Min(maxPerConnect, _events.Count - index));
                    _clients[clientId] = FirstReplayId + _dropped + index + batch.Count;
                    return batch;
                }
                waitFor = _appended.Task;
            }
            var left = deadline - clock.GetUtcNow();
            if (left <= TimeSpan.Zero)
                return [];
            try
            {
                await waitFor.WaitAsync(left, clock, ct);
            }
            catch (TimeoutException)
            {
                return [];
            }
        }
    }
}
