using Commerce.Actors.Ledger;
using Commerce.Actors.Storage;
using Commerce.Events;
using Commerce.Events.Envelope;
using Commerce.Events.Operations;
using Commerce.Events.Topics;
using Orleans.Storage;

namespace Commerce.Actors.Runtime;

/// <summary>
/// The platform's grains (decision D2): an Orleans grain whose state is an immutable <typeparamref name="TState"/>
/// replaced by its handlers, kept in an <see cref="IPersistentState{TState}"/> with what it applied of Kafka and the
/// effects of its changes (<see cref="GrainDocument{TState}"/>), all written in one transaction.
/// <list type="bullet">
/// <item>Messages arrive from the Kafka ingress (<see cref="ApplyAsync"/>: a redelivered record changes nothing), from
/// other grains (<see cref="ReceiveCallAsync"/>: answered with <see cref="Replies"/> once stored) and from reminders.</item>
/// <item>A handler changes <see cref="State"/> and says what follows: Kafka records for other systems
/// (<see cref="Emit"/>, through the outbox), calls to other grains (<see cref="Call"/>, made once it returned, each
/// answer handled in turn), answers to its caller (<see cref="Reply"/>), reminders, ledger and journal entries.</item>
/// <item>A handler that throws leaves no trace: its state and effects are undone; a record from Kafka that keeps
/// failing goes to the dead-letter topic instead of blocking its partition.</item>
/// </list>
/// Writes are coalesced: changes made while a write is under way go together into the next one.
/// An effect that must never be applied twice, however late its record comes again (a credit), is marked with a dedupe
/// key (<see cref="DedupeKeysOf"/>, <see cref="WasApplied"/>, <see cref="MarkApplied"/>): stored for good with the state,
/// looked up in the store before the record's batch is handled, so no bounded window in the state can forget it (memory
/// holds the keys only while batches are in flight).
/// </summary>
public abstract class CommerceGrain<TState>(IPersistentState<GrainDocument<TState>> document, TimeProvider clock)
    : Grain, IIngressGrain, IRemindable where TState : class
{
    /// <summary>How many times a Kafka record is tried before it is dead-lettered.</summary>
    public const int MaxAttempts = 3;

    /// <summary>How often an unhandled reminder fires again (Orleans' minimum period).</summary>
    public static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The soonest an Orleans reminder is asked to fire. Orleans counts the due time from before its table write and
    /// skips a first tick already past once the write is done, so a reminder due now asked for 1 ms would fire a
    /// <see cref="ReminderPeriod"/> late; this outlasts the write.
    /// </summary>
    public static readonly TimeSpan MinimumReminderDue = TimeSpan.FromSeconds(1);

    private readonly List<Func<Task<Replies>>> _calls = [];
    private readonly Dictionary<string, bool> _reminderChanges = new(StringComparer.Ordinal);
    private EventEnvelope? _current;
    private List<EventEnvelope>? _replies;
    private Task _lastWrite = Task.CompletedTask;
    private bool _writeQueued;
    private bool _changedNothing;
    // The dedupe keys of the Kafka batches being handled (looked up, and which of them are applied): kept only while a
    // batch is in flight, so an activation holds at most its batches' keys, not every key it ever saw.
    private readonly HashSet<string> _dedupeKeysLookedUp = new(StringComparer.Ordinal);
    private readonly HashSet<string> _dedupeKeysApplied = new(StringComparer.Ordinal);
    private int _batchesInFlight;
    private bool _lettingGo;

    private string? _grainType;
    private string? _key;

    /// <summary>The grain type's name (its Orleans grain type, the store's grain_type).</summary>
    private string GrainType => _grainType ??= this.GetGrainId().Type.ToString()!;

    /// <summary>Journal entries kept per key (0: none).</summary>
    protected virtual int JournalLength => 0;

    protected TState State
    {
        get => document.State.State ?? throw new InvalidOperationException("the grain is not activated");
        set => document.State.State = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>This grain's key (decoded once: Orleans keeps it as bytes).</summary>
    protected string Key => _key ??= this.GetPrimaryKeyString();

    /// <summary>The platform's clock (a fake one in tests).</summary>
    protected DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>The message being handled: a Kafka record's envelope, a call's message stamped now, a reminder's at its due time.</summary>
    protected EventEnvelope Current => _current ?? throw new InvalidOperationException("no message is being handled");

    /// <summary>True while the message being handled is another grain's call, which <see cref="Reply"/> answers.</summary>
    protected bool IsAnsweringCall => _replies is not null;

    /// <summary>The Kafka record being applied, if the message came from one (calls made for it carry it on).</summary>
    protected Origin? CurrentOrigin { get; private set; }

    /// <summary>The state of a key never seen.</summary>
    protected abstract TState CreateState(string key);

    /// <summary>Decodes the message and calls the typed handler.</summary>
    protected abstract Task HandleAsync(EventEnvelope envelope);

    /// <summary>
    /// The dedupe keys the handler may ask about for this Kafka record (<see cref="WasApplied"/>): looked up in the store
    /// before the record's batch is handled. None by default.
    /// </summary>
    protected virtual IEnumerable<string> DedupeKeysOf(EventEnvelope envelope) => [];

    /// <summary>
    /// True when the effect keyed <paramref name="dedupeKey"/> was applied by this grain, ever (stored, or marked by
    /// this activation). Only for keys <see cref="DedupeKeysOf"/> named for the record being handled.
    /// </summary>
    protected bool WasApplied(string dedupeKey)
    {
        if (!_dedupeKeysLookedUp.Contains(dedupeKey))
            throw new InvalidOperationException($"{GrainType} asked about dedupe key {dedupeKey}, which DedupeKeysOf did not name for the record");
        return _dedupeKeysApplied.Contains(dedupeKey);
    }

    /// <summary>Marks the effect keyed <paramref name="dedupeKey"/> applied: stored for good with the grain's change.</summary>
    protected void MarkApplied(string dedupeKey)
    {
        if (!_dedupeKeysApplied.Add(dedupeKey))
            throw new InvalidOperationException($"{GrainType} {Key} applied dedupe key {dedupeKey} twice");
        document.State.Effects.DedupeKeys.Add(dedupeKey);
    }

    /// <summary>Where an answer addressed to another key goes (by default nowhere: the grain type expects none).</summary>
    protected virtual Task ForwardAsync(EventEnvelope reply) =>
        throw new InvalidOperationException($"{GrainType} {Key} got an answer for {reply.Key} ({reply.Type}) and forwards none");

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        document.State.State ??= CreateState(Key);
        document.State.JournalLength = JournalLength;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task ApplyAsync(IngressBatch batch)
    {
        _batchesInFlight++;
        var stored = false;
        try
        {
            try
            {
                await LookUpDedupeKeysAsync(batch);
                foreach (var record in batch.Records)
                    await ApplyRecordAsync(batch, record);
            }
            catch
            {
                LetGo(); // the ingress retries the batch against the stored state
                throw;
            }
            await PersistAsync();
            stored = true;
        }
        finally
        {
            _batchesInFlight--;
            ForgetDedupeKeysOnceStored(stored);
        }
    }

    /// <summary>
    /// Once no batch is in flight and the last one's write is stored, every key marked applied is in the store (each batch
    /// awaited the write that carries its marks), so the next batch asks the store again: memory stays bounded by the
    /// batches in flight. Kept while the activation is being let go (memory may be ahead of the store until it reloads).
    /// </summary>
    private void ForgetDedupeKeysOnceStored(bool stored)
    {
        if (!stored || _batchesInFlight > 0 || _lettingGo)
            return;
        _dedupeKeysLookedUp.Clear();
        _dedupeKeysApplied.Clear();
    }

    /// <summary>
    /// Handles a message another grain sent and answers once it is stored. With an <paramref name="origin"/> (the Kafka
    /// record the caller was applying) a repeat of the call changes nothing and answers nothing.
    /// </summary>
    protected async Task<Replies> ReceiveCallAsync(IEvent message, Origin? origin = null)
    {
        if (origin is not null && document.State.Origins.Contains(origin))
        {
            // Applied, maybe only in memory (an interleaved call's write still in flight): answer once that is stored.
            await PersistAsync();
            return Replies.None;
        }
        var replies = new List<EventEnvelope>();
        var outer = _replies;
        _replies = replies;
        bool changedNothing;
        try
        {
            _changedNothing = false;
            await HandleMessageAsync(EventEnvelope.Create(Key, message, Now));
            changedNothing = _changedNothing && origin is null;
            _changedNothing = false;
        }
        catch
        {
            LetGo();
            throw;
        }
        finally
        {
            _replies = outer;
        }
        if (changedNothing)
        {
            // Nothing to store and nothing promised: answered at once from the state as it stands (which may hold a
            // change still being stored; if that write fails, this answer was about a state that never was, and said
            // so without moving anything).
            return replies.Count == 0 ? Replies.None : new Replies(replies);
        }
        if (origin is not null)
            document.State.Origins.TryAdd(origin);
        await PersistAsync();
        return replies.Count == 0 ? Replies.None : new Replies(replies);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!document.State.Reminders.TryGetValue(reminderName, out var pending))
        {
            await UnregisterAsync(reminderName); // its message was cancelled with a state already stored
            return;
        }
        if (pending.DueAt > Now)
            return; // fired before the platform's clock says it is due: it fires again after its period
        document.State.Reminders.Remove(reminderName);
        _reminderChanges[reminderName] = false;
        try
        {
            await HandleMessageAsync(EnvelopeSerializer.Deserialize(System.Text.Encoding.UTF8.GetBytes(pending.EnvelopeJson)));
        }
        catch
        {
            LetGo(); // the reminder fires again after its period, with the stored message
            throw;
        }
        await PersistAsync();
    }

    /// <summary>Publishes <paramref name="payload"/> to <paramref name="topic"/> once the grain's change is stored (the outbox).</summary>
    protected void Emit(TopicDefinition topic, string key, IEvent payload)
    {
        if (!topic.Carries(payload.GetType()))
            throw new ArgumentException($"topic {topic.Name} does not carry {payload.GetType().Name}", nameof(payload));
        var envelope = EventEnvelope.Create(key, payload, Now, Current.CorrelationId ?? Current.Id.ToString());
        document.State.Effects.Outbox.Add(new OutboxWrite(topic.Name, key, EnvelopeSerializer.Serialize(envelope)));
    }

    /// <summary>Answers the grain that called: <paramref name="payload"/> addressed to <paramref name="key"/> (usually the caller's).</summary>
    protected void Reply(string key, IEvent payload) =>
        (_replies ?? throw new InvalidOperationException($"{GrainType} answers only calls; {payload.GetType().Name} has nobody to go to"))
            .Add(EventEnvelope.Create(key, payload, Now, Current.CorrelationId ?? Current.Id.ToString()));

    /// <summary>
    /// The call being handled changed nothing (a refused bid): it is answered at once, without a write, even while a
    /// write is under way. Only for a call's handler that made no change, declared no effect and promised nothing.
    /// </summary>
    protected void ChangedNothing() => _changedNothing = true;

    /// <summary>Calls another grain once the handler returned; its answers are handled in turn.</summary>
    protected void Call(Func<Task<Replies>> call) => _calls.Add(call);

    /// <summary>
    /// Delivers <paramref name="payload"/> to this grain at <paramref name="dueAt"/> (its event time); setting a name
    /// again replaces it. The message is stored with the state; an Orleans reminder wakes the grain.
    /// </summary>
    protected void SetReminder(string name, DateTimeOffset dueAt, IEvent payload)
    {
        var envelope = EventEnvelope.Create(Key, payload, dueAt, Current.CorrelationId ?? Current.Id.ToString(), ReminderId(name, dueAt));
        document.State.Reminders[name] = new PendingReminder(dueAt, System.Text.Encoding.UTF8.GetString(EnvelopeSerializer.Serialize(envelope)));
        _reminderChanges[name] = true;
    }

    protected void CancelReminder(string name)
    {
        if (document.State.Reminders.Remove(name))
            _reminderChanges[name] = false;
    }

    /// <summary>Appends a movement of money or of an NFT to the hash-chained ledger (D9), with the grain's change.</summary>
    protected void AppendToLedger(LedgerEntry entry) =>
        document.State.Effects.Ledger.Add(new LedgerWrite(GrainType, Key, Current.Id, Now,
            System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(entry, LedgerJsonContext.Default.LedgerEntry)));

    /// <summary>Appends entry <paramref name="seq"/> to the grain's journal (the newest <see cref="JournalLength"/> are kept).</summary>
    protected void AppendJournal(long seq, string kind, string bodyJson)
    {
        if (JournalLength == 0)
            throw new InvalidOperationException($"grain type {GrainType} keeps no journal");
        document.State.Effects.Journal.Add(new JournalEntry(Key, seq, kind, bodyJson, Now));
    }

    /// <summary>
    /// Stores the state with its effects: reminders set since the last write are registered before it (a wake-up
    /// without a stored message is harmless), those cancelled are unregistered after it.
    /// </summary>
    protected Task PersistAsync() => _reminderChanges.Count == 0 ? SaveAsync() : PersistWithRemindersAsync();

    private async Task PersistWithRemindersAsync()
    {
        var changes = _reminderChanges.ToList();
        _reminderChanges.Clear();
        foreach (var (name, set) in changes)
        {
            if (set && document.State.Reminders.TryGetValue(name, out var pending))
                await this.RegisterOrUpdateReminder(name, Max(pending.DueAt - Now, MinimumReminderDue), ReminderPeriod);
        }
        await SaveAsync();
        foreach (var (name, set) in changes)
        {
            if (!set && !document.State.Reminders.ContainsKey(name))
                await UnregisterAsync(name);
        }
    }

    /// <summary>Asks the store which of the batch's dedupe keys were applied (once per key while batches are in flight).</summary>
    private async Task LookUpDedupeKeysAsync(IngressBatch batch)
    {
        var keys = batch.Records.SelectMany(r => DedupeKeysOf(r.Envelope)).Where(k => !_dedupeKeysLookedUp.Contains(k)).ToHashSet(StringComparer.Ordinal);
        if (keys.Count == 0)
            return;
        var lookup = document.State.DedupeKeyLookup ?? throw new InvalidOperationException($"the storage of {GrainType} looks up no dedupe keys");
        var stored = await lookup(keys);
        foreach (var key in keys)
        {
            _dedupeKeysLookedUp.Add(key);
            if (stored.Contains(key))
                _dedupeKeysApplied.Add(key);
        }
    }

    private async Task ApplyRecordAsync(IngressBatch batch, IngressRecord record)
    {
        var origin = batch.OriginOf(record);
        if (document.State.Origins.Contains(origin, record.Envelope.Id))
        {
            document.State.Origins.TryAdd(origin); // the same event at another offset: this offset is applied too
            return;
        }
        Exception? failure = null;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var before = State;
            var mark = document.State.Effects.Mark();
            var reminders = document.State.Reminders.Count == 0
                ? null
                : new Dictionary<string, PendingReminder>(document.State.Reminders, StringComparer.Ordinal);
            try
            {
                CurrentOrigin = origin;
                await HandleMessageAsync(record.Envelope);
                document.State.Origins.Add(origin, record.Envelope.Id);
                return;
            }
            catch (Exception ex) when (IsPoison(ex))
            {
                State = before;
                _dedupeKeysApplied.ExceptWith(document.State.Effects.TruncateTo(mark));
                document.State.Reminders = reminders ?? new Dictionary<string, PendingReminder>(StringComparer.Ordinal);
                _calls.Clear();
                failure = ex;
            }
            finally
            {
                CurrentOrigin = null;
            }
        }
        var payload = new DeadLettered(batch.Topic, batch.Partition, record.Offset, $"ingress.{GrainType}",
            failure!.Message, MaxAttempts, Convert.ToBase64String(EnvelopeSerializer.Serialize(record.Envelope)));
        var outer = _current;
        _current = record.Envelope;
        Emit(TopicCatalog.DeadLetters, record.Envelope.Key, payload);
        _current = outer;
        document.State.Origins.Add(origin, record.Envelope.Id);
    }

    /// <summary>Runs the handler, then the calls it asked for, handling each answer addressed to this grain.</summary>
    private async Task HandleMessageAsync(EventEnvelope envelope)
    {
        var outer = _current;
        _current = envelope;
        try
        {
            await HandleAsync(envelope);
        }
        finally
        {
            _current = outer;
        }
        while (_calls.Count > 0)
        {
            var call = _calls[0];
            _calls.RemoveAt(0);
            var replies = await call();
            foreach (var reply in replies.Events)
            {
                if (reply.Key == Key)
                    await HandleMessageAsync(reply);
                else
                    await ForwardAsync(reply);
            }
        }
    }

    /// <summary>Failures that are the message's (it would fail again), as opposed to the cluster's or the store's.</summary>
    private static bool IsPoison(Exception ex) =>
        ex is not (TimeoutException or OrleansException or InconsistentStateException or OperationCanceledException or GrainVersionConflictException);

    private Task SaveAsync()
    {
        if (_writeQueued)
            return _lastWrite;
        _writeQueued = true;
        _lastWrite = WriteAfterAsync(_lastWrite);
        return _lastWrite;
    }

    private async Task WriteAfterAsync(Task previous)
    {
        try
        {
            await previous;
        }
        catch
        {
            // Its callers saw the failure; this write covers the changes made since it started.
        }
        _writeQueued = false; // from here on, a change needs the next write
        try
        {
            await document.WriteStateAsync();
        }
        catch
        {
            // Memory may now be ahead of the store: let the activation go, so the next message reloads the stored state.
            _lettingGo = true;
            DeactivateOnIdle();
            throw;
        }
    }

    /// <summary>A message failed half-way: memory may be ahead of the store, so the activation goes and the next message reloads.</summary>
    private void LetGo()
    {
        _lettingGo = true;
        _calls.Clear();
        DeactivateOnIdle();
    }

    private async Task UnregisterAsync(string name)
    {
        if (await this.GetReminder(name) is { } reminder)
            await this.UnregisterReminder(reminder);
    }

    private Guid ReminderId(string name, DateTimeOffset dueAt)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{GrainType}|{Key}|{name}|{dueAt.UtcTicks}"));
        return new Guid(hash.AsSpan(0, 16));
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
