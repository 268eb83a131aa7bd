using Commerce.Events.Envelope;

namespace Commerce.Actors.Runtime;

/// <summary>The runtime's view of an active grain, whatever its state type.</summary>
public interface IGrainActivation
{
    long Version { get; set; }

    DateTimeOffset LastUsed { get; set; }

    void Activate(string key, string? stateJson, long version);

    ValueTask ReceiveAsync(IGrainContext context, EventEnvelope envelope);

    object Snapshot();

    void Restore(object snapshot);

    string SerializeState();
}
