namespace Commerce.Connectors.Ingestion;

/// <summary>Something a source sent that could not be read: dead-lettered with <paramref name="Reason"/> and the raw text.</summary>
/// <param name="Reference">Where it came from (a replay id, an event id, a URL), for the dead letter's key and id.</param>
public sealed record RejectedInput(string Reference, string Reason, string Raw);
