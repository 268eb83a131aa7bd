using System.Buffers;
using System.Text.Json;

namespace Commerce.Host.Push;

/// <summary>One push as sent on the WebSocket: {"seq", "type", "occurredAt", "payload"}.</summary>
public sealed record PushFrame(long Seq, string Type, DateTimeOffset OccurredAt, string PayloadJson)
{
    public ReadOnlyMemory<byte> ToUtf8()
    {
        var buffer = new ArrayBufferWriter<byte>(128 + PayloadJson.Length);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("seq", Seq);
            writer.WriteString("type", Type);
            writer.WriteString("occurredAt", OccurredAt);
            writer.WritePropertyName("payload");
            writer.WriteRawValue(PayloadJson);
            writer.WriteEndObject();
        }
        return buffer.WrittenMemory;
    }
}
