namespace Commerce.Events.Topics;

/// <summary>One topic of the catalog: its name, what its key is, how it is split and kept, what it carries.</summary>
public sealed record TopicDefinition(
    string Name,
    string KeyDescription,
    int Partitions,
    TopicRetention Retention,
    IReadOnlyList<Type> PayloadTypes)
{
    public bool Carries(Type payloadType) => PayloadTypes.Contains(payloadType);
}
