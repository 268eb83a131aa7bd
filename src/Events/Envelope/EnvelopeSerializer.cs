using System.Text.Json;
using Commerce.Events.Serialization;

namespace Commerce.Events.Envelope;

/// <summary>UTF-8 JSON for envelopes, through the source-generated context (no reflection).</summary>
public static class EnvelopeSerializer
{
    public static byte[] Serialize(EventEnvelope envelope) =>
        JsonSerializer.SerializeToUtf8Bytes(envelope, EventJsonContext.Default.EventEnvelope);

    /// <exception cref="InvalidEventException">The bytes are not a valid envelope.</exception>
    public static EventEnvelope Deserialize(ReadOnlySpan<byte> utf8)
    {
        EventEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize(utf8, EventJsonContext.Default.EventEnvelope);
        }
        catch (Exception first) when (first is JsonException or NotSupportedException)
        {
            // Perhaps only the payload's "$type" is not first: read again, tolerantly.
            try
            {
                envelope = JsonSerializer.Deserialize(utf8, TolerantEventJsonContext.Default.EventEnvelope);
            }
            catch (Exception ex) when (ex is JsonException or NotSupportedException)
            {
                throw new InvalidEventException($"not a valid event envelope: {ex.Message}", ex);
            }
        }
        if (envelope is null || envelope.Payload is null || string.IsNullOrEmpty(envelope.Key))
            throw new InvalidEventException("event envelope lacks a key or a payload");
        return envelope;
    }
}
