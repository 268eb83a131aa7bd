using Commerce.Actors.Ledger;
using Commerce.Actors.Storage;
using Commerce.Events.Envelope;
using Commerce.Events.Operations;
using Commerce.Events.Topics;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Commerce.Actors.Runtime;

/// <summary>
/// The grains of one partition (decision D2). Each batch: records at or below the stored cursor
/// are skipped (a redelivery after a crash), the rest are applied one at a time, in offset order,
/// to their grain; then the changed states, the new cursor, the emitted events and the processed
/// event ids are committed in one transaction. If anything fails, the in-memory grains are
/// dropped and reloaded from the store, so memory never runs ahead of what is committed.
/// </summary>
internal sealed partial class GrainPartitionProcessor(
    GrainDefinition definition,
    PartitionCursor cursor,
    long? appliedOffset,
    IGrainStore store,
    OutboxSignal outboxSignal,
    GrainRuntimeOptions options,
    GrainMetrics metrics,
    TimeProvider clock,
    ILogger logger) : Messaging.Consuming.IPartitionProcessor
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(10);

    private readonly Dictionary<string, IGrainActivation> _activations = [];
    private long? _appliedOffset = appliedOffset;
    private DateTimeOffset _lastSweep = clock.GetUtcNow();

    public async Task ProcessAsync(IReadOnlyList<ConsumeResult<string, byte[]>> batch, CancellationToken ct)
    {
        try
        {
            await ApplyAndCommitAsync(batch, ct);
        }
        catch (CursorMovedException ex)
        {
            LogCursorMoved(definition.Name, cursor.Topic, cursor.Partition, ex.Actual);
            DropActivations();
            _appliedOffset = await store.LoadCursorAsync(cursor, ct);
            throw;
        }
        catch
        {
            DropActivations();
            throw;
        }
        SweepIdle();
    }

    private async Task ApplyAndCommitAsync(IReadOnlyList<ConsumeResult<string, byte[]>> batch, CancellationToken ct)
    {
        var startedAt = clock.GetUtcNow();
        var fresh = new List<(ConsumeResult<string, byte[]> Record, EventEnvelope? Envelope, string? Error)>(batch.Count);
        foreach (var record in batch)
        {
            if (_appliedOffset is { } applied && record.Offset.Value <= applied)
            {
                metrics.Duplicates.Add(1);
                continue;
            }
            try
            {
                fresh.Add((record, EnvelopeSerializer.Deserialize(record.Message.Value), null));
            }
            catch (InvalidEventException ex)
            {
                fresh.Add((record, null, ex.Message));
            }
        }
        if (fresh.Count == 0)
            return;
        ReportGaps(fresh.Select(f => f.Record.Offset.Value));

        await ActivateAsync(fresh.Where(f => f.Envelope is not null).Select(f => f.Envelope!.Key), ct);
        var alreadyProcessed = definition.DedupeByEventId
            ? await store.FindProcessedAsync(definition.Name, fresh.Where(f => f.Envelope is not null).Select(f => f.Envelope!.Id).ToHashSet(), ct)
            : null;

        var now = clock.GetUtcNow();
        var dirty = new HashSet<string>();
        var outbox = new List<OutboxWrite>();
        var reminders = new List<ReminderWrite>();
        var ledger = new List<LedgerWrite>();
        var journal = new List<JournalEntry>();
        var processedIds = new List<Guid>();
        var seenInBatch = new HashSet<Guid>();
        var deadLettered = 0;
        foreach (var (record, envelope, error) in fresh)
        {
            if (envelope is null)
            {
                outbox.Add(DeadLetter(record, error!, 1, now));
                deadLettered++;
                continue;
            }
            if (definition.DedupeByEventId && (alreadyProcessed!.Contains(envelope.Id) || !seenInBatch.Add(envelope.Id)))
            {
                metrics.Duplicates.Add(1);
                continue;
            }
            var grain = _activations[envelope.Key];
            grain.LastUsed = now;
            var (applied, failure, attempts) = await ApplyAsync(grain, envelope, now);
            if (failure is not null)
            {
                LogDeadLettered(failure, definition.Name, envelope.Key, record.Topic, record.Partition.Value, record.Offset.Value);
                outbox.Add(DeadLetter(record, failure.Message, attempts, now));
                deadLettered++;
            }
            else
            {
                dirty.Add(envelope.Key);
                outbox.AddRange(applied!.Emitted);
                reminders.AddRange(applied.Reminders);
                ledger.AddRange(applied.Ledger);
                journal.AddRange(applied.Journal);
            }
            if (definition.DedupeByEventId)
                processedIds.Add(envelope.Id);
        }

        var states = new List<StateWrite>(dirty.Count);
        foreach (var key in dirty)
        {
            var grain = _activations[key];
            grain.Version++;
            states.Add(new StateWrite(key, grain.SerializeState(), grain.Version));
        }
        var lastOffset = fresh[^1].Record.Offset.Value;
        var commitStarted = clock.GetTimestamp();
        await store.CommitAsync(new GrainBatchCommit(definition.Name, cursor, _appliedOffset, lastOffset, states, outbox, processedIds, reminders, ledger,
            journal, definition.JournalLength), ct);
        _appliedOffset = lastOffset;
        if (outbox.Count > 0)
            outboxSignal.Notify();

        var committedAt = clock.GetUtcNow();
        var tag = new KeyValuePair<string, object?>("grain", definition.Name);
        metrics.CommitDuration.Record(clock.GetElapsedTime(commitStarted).TotalMilliseconds, tag);
        metrics.BatchSize.Record(fresh.Count, tag);
        metrics.Applied.Add(fresh.Count - deadLettered, tag);
        if (deadLettered > 0)
            metrics.DeadLettered.Add(deadLettered, tag);
        foreach (var (record, _, _) in fresh)
        {
            var producedAt = record.Message.Timestamp.UtcDateTime;
            metrics.ReceiveLatency.Record((startedAt - producedAt).TotalMilliseconds, tag);
            metrics.ApplyLatency.Record((committedAt - producedAt).TotalMilliseconds, tag);
        }
    }

    /// <summary>
    /// Records the broker no longer had (retention, or the embedded broker's bounded log) cannot be
    /// applied; they are reported loudly rather than skipped silently.
    /// </summary>
    private void ReportGaps(IEnumerable<long> offsets)
    {
        if (_appliedOffset is not { } previous)
            return;
        foreach (var offset in offsets)
        {
            if (offset > previous + 1)
            {
                metrics.OffsetGaps.Add(offset - previous - 1, new KeyValuePair<string, object?>("grain", definition.Name));
                LogOffsetGap(definition.Name, cursor.Topic, cursor.Partition, previous + 1, offset - 1);
            }
            previous = offset;
        }
    }

    private async Task<(GrainContext? Applied, Exception? Failure, int Attempts)> ApplyAsync(IGrainActivation grain, EventEnvelope envelope, DateTimeOffset now)
    {
        var before = grain.Snapshot();
        Exception? last = null;
        for (var attempt = 1; attempt <= options.MaxAttempts; attempt++)
        {
            var context = new GrainContext(envelope.Key, now, envelope, definition);
            try
            {
                await grain.ReceiveAsync(context, envelope);
                return (context, null, attempt);
            }
            catch (Exception ex)
            {
                grain.Restore(before);
                last = ex;
            }
        }
        return (null, last, options.MaxAttempts);
    }

    private async Task ActivateAsync(IEnumerable<string> keys, CancellationToken ct)
    {
        var missing = keys.Where(k => !_activations.ContainsKey(k)).ToHashSet();
        if (missing.Count == 0)
            return;
        var stored = await store.LoadStatesAsync(definition.Name, missing, ct);
        foreach (var key in missing)
        {
            var grain = definition.Activate();
            var state = stored.GetValueOrDefault(key);
            grain.Activate(key, state?.Json, state?.Version ?? 0);
            _activations[key] = grain;
        }
        metrics.Activations.Add(missing.Count, new KeyValuePair<string, object?>("grain", definition.Name));
    }

    private OutboxWrite DeadLetter(ConsumeResult<string, byte[]> record, string error, int attempts, DateTimeOffset now)
    {
        var key = record.Message.Key ?? "";
        var payload = new DeadLettered(record.Topic, record.Partition.Value, record.Offset.Value, cursor.ConsumerGroup,
            error, attempts, Convert.ToBase64String(record.Message.Value ?? []));
        return new OutboxWrite(TopicCatalog.DeadLetters.Name, key, EnvelopeSerializer.Serialize(EventEnvelope.Create(key, payload, now)));
    }

    private void SweepIdle()
    {
        var now = clock.GetUtcNow();
        if (_activations.Count <= options.MaxActivationsPerPartition && now - _lastSweep < SweepInterval)
            return;
        _lastSweep = now;
        var idleSince = now - options.IdleTimeout;
        var evict = _activations.Where(a => a.Value.LastUsed < idleSince).Select(a => a.Key).ToList();
        var over = _activations.Count - evict.Count - options.MaxActivationsPerPartition;
        if (over > 0)
        {
            evict.AddRange(_activations.Where(a => a.Value.LastUsed >= idleSince)
                .OrderBy(a => a.Value.LastUsed).Take(over).Select(a => a.Key));
        }
        foreach (var key in evict)
            _activations.Remove(key);
        if (evict.Count > 0)
            metrics.Activations.Add(-evict.Count, new KeyValuePair<string, object?>("grain", definition.Name));
    }

    private void DropActivations()
    {
        metrics.Activations.Add(-_activations.Count, new KeyValuePair<string, object?>("grain", definition.Name));
        _activations.Clear();
    }

    /// <summary>The number of grains of this partition in memory (for tests and operators).</summary>
    public int ActiveCount => _activations.Count;

    public ValueTask DisposeAsync()
    {
        DropActivations();
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "{GrainType} {Topic}[{Partition}]: offsets {From}..{To} are gone from the broker and were never applied")]
    private partial void LogOffsetGap(string grainType, string topic, int partition, long from, long to);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{GrainType} {Topic}[{Partition}]: cursor moved to {Actual} by another instance; reloading")]
    private partial void LogCursorMoved(string grainType, string topic, int partition, long? actual);

    [LoggerMessage(Level = LogLevel.Error, Message = "{GrainType} {Key}: message {Topic}[{Partition}]@{Offset} dead-lettered")]
    private partial void LogDeadLettered(Exception ex, string grainType, string key, string topic, int partition, long offset);
}
