using System.Collections.Concurrent;

namespace Commerce.Connectors.Ingestion;

/// <summary>What one connector did since start: records published per event type, replays skipped, inputs dead-lettered, restarts.</summary>
public sealed class IngestionCounters(string connector)
{
    private readonly ConcurrentDictionary<string, long> _published = new(StringComparer.Ordinal);
    private long _duplicates;
    private long _deadLettered;
    private long _restarts;
    private long _batches;

    public string Connector => connector;

    public IReadOnlyDictionary<string, long> PublishedByType => _published;

    public long Published => _published.Values.Sum();

    public long DuplicatesSkipped => Interlocked.Read(ref _duplicates);

    public long DeadLettered => Interlocked.Read(ref _deadLettered);

    public long Restarts => Interlocked.Read(ref _restarts);

    public long Batches => Interlocked.Read(ref _batches);

    public void CountPublished(string type) => _published.AddOrUpdate(type, 1, (_, n) => n + 1);

    public void CountDuplicate() => Interlocked.Increment(ref _duplicates);

    public void CountDeadLetter() => Interlocked.Increment(ref _deadLettered);

    public void CountRestart() => Interlocked.Increment(ref _restarts);

    public void CountBatch() => Interlocked.Increment(ref _batches);
}
