using System.Text.Json.Serialization;
using Commerce.Events.Envelope;

namespace Commerce.Events.Serialization;

/// <summary>
/// Reads envelopes whose "$type" is not the payload's first property (hand-written JSON, other
/// languages' serializers). Slower than <see cref="EventJsonContext"/>, so it is only the fallback.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowOutOfOrderMetadataProperties = true)]
[JsonSerializable(typeof(EventEnvelope))]
internal sealed partial class TolerantEventJsonContext : JsonSerializerContext;
