using Commerce.Connectors.Ingestion;

namespace Commerce.Connectors.Crm.Mapping;

/// <summary>
/// What one change event gave: records to publish, records to read again from the REST API (a gap, an overflow
/// ("*": all of them), an UPDATE of a record not known here), or why it was refused.
/// </summary>
public sealed record ChangeOutcome(IReadOnlyList<IngestRecord> Records, IReadOnlyList<string> ReRead, string? Refused)
{
    public static readonly ChangeOutcome Nothing = new([], [], null);

    public bool ReReadAll => ReRead.Contains("*");

    public static ChangeOutcome Refuse(string reason) => new([], [], reason);
}
