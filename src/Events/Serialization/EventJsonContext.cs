using System.Text.Json.Serialization;
using Commerce.Events.Envelope;

namespace Commerce.Events.Serialization;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowOutOfOrderMetadataProperties = true)]
[JsonSerializable(typeof(EventEnvelope))]
public sealed partial class EventJsonContext : JsonSerializerContext;
