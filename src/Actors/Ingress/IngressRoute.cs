using Commerce.Actors.Runtime;
using Commerce.Events;
using Commerce.Events.Topics;

namespace Commerce.Actors.Ingress;

/// <summary>
/// One Kafka topic fed to one grain type (decision D2): which of the topic's event types are the grain's input (the
/// others are facts for other consumers, such as the item sales pricing reads) and which grain a record key names.
/// </summary>
public sealed record IngressRoute(
    string GrainType,
    TopicDefinition Topic,
    IReadOnlySet<Type> Inputs,
    Func<IGrainFactory, string, IIngressGrain> Grain)
{
    public bool Accepts(IEvent payload) => Inputs.Contains(payload.GetType());
}
