using System.Text.Json;
using System.Text.Json.Serialization;

namespace Commerce.Connectors.Crm.Api;

/// <summary>One page of a SOQL query: read <see cref="NextRecordsUrl"/> until <see cref="Done"/>. Rows stay raw JSON so a bad one can be dead-lettered alone.</summary>
public sealed record SoqlPage(
    [property: JsonPropertyName("totalSize")] int TotalSize,
    [property: JsonPropertyName("done")] bool Done,
    [property: JsonPropertyName("nextRecordsUrl")] string? NextRecordsUrl,
    [property: JsonPropertyName("records")] IReadOnlyList<JsonElement> Records);
