using System.Text.Json;
using Commerce.Events.Serialization;

namespace Commerce.Events.Envelope;

/// <summary>UTF-8 JSON for envelopes, through the source-generated context (no reflection).</summary>
public static class EnvelopeSerializer
{
    public static byte[] Serialize(EventEnvelope envelope) =>
        JsonSerializer.SerializeToUtf8Bytes(envelope, EventJsonContext.Default.EventEnvelope);

    /// <summary>
    /// The envelope's "type" without reading the rest, for a reader that wants only some types; null when the bytes
    /// are not a JSON object with a string "type" (then <see cref="Deserialize"/> says what is wrong).
    /// </summary>
    public static string? PeekType(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isType = reader.ValueTextEquals("type"u8);
                if (!reader.Read())
                    return null;
                if (isType)
                    return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                reader.Skip();
            }
        }
        catch (JsonException)
        {
        }
        return null;
    }

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
