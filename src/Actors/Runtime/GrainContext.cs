using Commerce.Actors.Storage;
using Commerce.Events;
using Commerce.Events.Envelope;
using Commerce.Events.Topics;

namespace Commerce.Actors.Runtime;

/// <summary>The context of one message; emitted events wait here until the handler returns.</summary>
internal sealed class GrainContext(string key, DateTimeOffset now, EventEnvelope current) : IGrainContext
{
    public string Key { get; } = key;

    public DateTimeOffset Now { get; } = now;

    public EventEnvelope Current { get; } = current;

    public List<OutboxWrite> Emitted { get; } = [];

    public void Emit(TopicDefinition topic, string key, IEvent payload)
    {
        if (!topic.Carries(payload.GetType()))
            throw new ArgumentException($"topic {topic.Name} does not carry {payload.GetType().Name}", nameof(payload));
        var envelope = EventEnvelope.Create(key, payload, Now, Current.CorrelationId ?? Current.Id.ToString());
        Emitted.Add(new OutboxWrite(topic.Name, key, EnvelopeSerializer.Serialize(envelope)));
    }
}
