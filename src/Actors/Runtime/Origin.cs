namespace Commerce.Actors.Runtime;

/// <summary>
/// Where a message came from: one Kafka record (topic, partition, offset) of one broker incarnation
/// (<paramref name="Epoch"/>), with the ingress's <paramref name="Floor"/>: every record of that partition at or below
/// it has been applied by every grain it concerned (its batch completed), so it is never new.
/// A grain that receives the record itself, or a call made because of it, keeps the origin to recognise a
/// redelivery (<see cref="AppliedOrigins"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("commerce.runtime.Origin")]
public sealed record Origin(
    [property: Id(0)] string Topic,
    [property: Id(1)] int Partition,
    [property: Id(2)] long Offset,
    [property: Id(3)] string Epoch,
    [property: Id(4)] long Floor)
{
    public string Source => $"{Topic}/{Partition}";
}
