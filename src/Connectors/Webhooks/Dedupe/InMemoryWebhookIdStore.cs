namespace Commerce.Connectors.Webhooks.Dedupe;

/// <summary>
/// One process's webhook id store: at most <see cref="WebhookDedupeOptions.Capacity"/> ids, each kept for
/// <see cref="WebhookDedupeOptions.Retention"/> after it was processed. When full, expired ids go first,
/// then the oldest ones. A restart forgets everything (a shared store can implement the same interface).
/// </summary>
public sealed class InMemoryWebhookIdStore : IWebhookIdStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Source, string Id), LinkedListNode<Entry>> _entries = [];
    private readonly LinkedList<Entry> _byAge = new();
    private readonly WebhookDedupeOptions _options;
    private readonly TimeProvider _clock;

    public InMemoryWebhookIdStore(WebhookDedupeOptions options, TimeProvider clock)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Capacity, 1, nameof(options));
        _options = options;
        _clock = clock;
    }

    public InMemoryWebhookIdStore(Microsoft.Extensions.Options.IOptions<WebhookDedupeOptions> options, TimeProvider clock)
        : this(options.Value, clock)
    {
    }

    public int Capacity => _options.Capacity;

    /// <summary>Ids remembered now, claimed or processed (expired ones may still count until they are purged).</summary>
    public int Count
    {
        get
        {
            lock (_lock)
                return _entries.Count;
        }
    }

    public ValueTask<WebhookIdClaim> TryClaimAsync(string source, string webhookId, CancellationToken ct = default)
    {
        var key = (source, webhookId);
        var now = _clock.GetUtcNow();
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                if (node.Value.ExpiresAt > now)
                    return ValueTask.FromResult(node.Value.Processed ? WebhookIdClaim.Duplicate : WebhookIdClaim.InProgress);
                Remove(node);
            }
            MakeRoom(now);
            _entries[key] = _byAge.AddLast(new Entry(key, now + _options.ClaimTimeout, Processed: false));
            return ValueTask.FromResult(WebhookIdClaim.Claimed);
        }
    }

    public ValueTask CompleteAsync(string source, string webhookId, CancellationToken ct = default)
    {
        var key = (source, webhookId);
        var now = _clock.GetUtcNow();
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var node))
                Remove(node);
            else
                MakeRoom(now);
            _entries[key] = _byAge.AddLast(new Entry(key, now + _options.Retention, Processed: true));
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask ReleaseAsync(string source, string webhookId, CancellationToken ct = default)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue((source, webhookId), out var node) && !node.Value.Processed)
                Remove(node);
        }
        return ValueTask.CompletedTask;
    }

    private void MakeRoom(DateTimeOffset now)
    {
        while (_byAge.First is { } oldest && oldest.Value.ExpiresAt <= now)
            Remove(oldest);
        while (_entries.Count >= _options.Capacity && _byAge.First is { } first)
            Remove(first);
    }

    private void Remove(LinkedListNode<Entry> node)
    {
        _byAge.Remove(node);
        _entries.Remove(node.Value.Key);
    }

    private sealed record Entry((string Source, string Id) Key, DateTimeOffset ExpiresAt, bool Processed);
}
