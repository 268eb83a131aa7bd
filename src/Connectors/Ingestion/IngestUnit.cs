namespace Commerce.Connectors.Ingestion;

/// <summary>
/// What one source fact (a change event, a page row, a marketplace event) turned into: the records to publish, what was
/// refused, and the source position just past it (null: the position does not move, e.g. a backfill page's rows).
/// The position is stored only once every record of its batch is on Kafka.
/// </summary>
public sealed record IngestUnit(IReadOnlyList<IngestRecord> Records, IReadOnlyList<RejectedInput> Rejected, StreamPosition? Position)
{
    public static IngestUnit Of(IngestRecord record, StreamPosition? position = null) => new([record], [], position);

    public static IngestUnit Refused(RejectedInput rejected, StreamPosition? position = null) => new([], [rejected], position);

    public static IngestUnit Move(StreamPosition position) => new([], [], position);
}
