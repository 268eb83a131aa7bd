namespace Commerce.Actors.Runtime;

/// <summary>
/// The records of one key from one batch of one partition, in offset order, and the partition's floor: every record at
/// or below it was applied by every grain it concerned before this batch (see <see cref="Origin"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("commerce.runtime.IngressBatch")]
public sealed record IngressBatch(
    [property: Id(0)] string Topic,
    [property: Id(1)] int Partition,
    [property: Id(2)] string Epoch,
    [property: Id(3)] long Floor,
    [property: Id(4)] IReadOnlyList<IngressRecord> Records)
{
    public Origin OriginOf(IngressRecord record) => new(Topic, Partition, record.Offset, Epoch, Floor);
}
