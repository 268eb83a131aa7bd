using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Commerce.Events.Envelope;

namespace Commerce.Actors.Runtime;

/// <summary>
/// A per-entity actor in the Orleans mould: one instance per key while active, handling one
/// message at a time, with an immutable <typeparamref name="TState"/> replaced (never mutated) by
/// each handler. The runtime commits the new state, the applied offset and the emitted events
/// together; if a handler throws, the state it started from is restored and nothing is emitted.
/// </summary>
public abstract class Grain<TState> : IGrainActivation where TState : class
{
    private IGrainContext? _context;
    private TState? _state;

    public string Key { get; private set; } = "";

    public TState State
    {
        get => _state ?? throw new InvalidOperationException("the grain is not activated");
        protected set => _state = value ?? throw new ArgumentNullException(nameof(value));
    }

    protected IGrainContext Context => _context ?? throw new InvalidOperationException("no message is being handled");

    protected DateTimeOffset Now => Context.Now;

    long IGrainActivation.Version { get; set; }

    DateTimeOffset IGrainActivation.LastUsed { get; set; }

    /// <summary>The state of a key that has never been seen.</summary>
    protected abstract TState CreateState(string key);

    /// <summary>Decodes the message and calls the typed handler of the grain's interface.</summary>
    protected abstract ValueTask ReceiveAsync(EventEnvelope envelope);

    protected abstract JsonTypeInfo<TState> StateJson { get; }

    void IGrainActivation.Activate(string key, string? stateJson, long version)
    {
        Key = key;
        _state = stateJson is null ? CreateState(key) : JsonSerializer.Deserialize(stateJson, StateJson) ?? CreateState(key);
        ((IGrainActivation)this).Version = version;
    }

    async ValueTask IGrainActivation.ReceiveAsync(IGrainContext context, EventEnvelope envelope)
    {
        _context = context;
        try
        {
            await ReceiveAsync(envelope);
        }
        finally
        {
            _context = null;
        }
    }

    object IGrainActivation.Snapshot() => State;

    void IGrainActivation.Restore(object snapshot) => _state = (TState)snapshot;

    string IGrainActivation.SerializeState() => JsonSerializer.Serialize(State, StateJson);
}
