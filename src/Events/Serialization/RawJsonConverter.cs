using System.Text.Json;
using System.Text.Json.Serialization;

namespace Commerce.Events.Serialization;

/// <summary>
/// A string property that holds JSON is written as that JSON (nested, not escaped into a string)
/// and read back as its text. Cheaper than escaping, and readable by anyone tailing the topic.
/// A plain JSON string is also accepted when reading.
/// </summary>
public sealed class RawJsonConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
            return reader.GetString();
        using var document = JsonDocument.ParseValue(ref reader);
        return document.RootElement.GetRawText();
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value);
}
