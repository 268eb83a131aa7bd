using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;

namespace Commerce.Execution.Cli;

/// <summary>ABI values to and from JSON: integers as decimal strings, bytes as 0x hex, arrays and tuples as arrays.</summary>
public static class AbiJson
{
    public static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        BigInteger n => JsonValue.Create(n.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        EthAddress a => JsonValue.Create(a.ToString()),
        bool b => JsonValue.Create(b),
        byte[] bytes => JsonValue.Create(HexString.Encode(bytes)),
        string s => JsonValue.Create(s),
        object?[] items => new JsonArray(items.Select(ToJson).ToArray()),
        _ => JsonValue.Create(value.ToString()),
    };

    /// <summary>A JSON array of arguments as the ABI layer takes them (strings, booleans, numbers as text, nested lists).</summary>
    public static object?[] ReadArguments(string json, string field)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new CliException(field, $"is not JSON ({e.Message})");
        }
        return node is JsonArray array ? array.Select(FromJson).ToArray() : throw new CliException(field, "must be a JSON array");
    }

    private static object? FromJson(JsonNode? node) => node switch
    {
        null => null,
        JsonArray array => array.Select(FromJson).ToList(),
        JsonValue value when value.GetValueKind() == JsonValueKind.True => true,
        JsonValue value when value.GetValueKind() == JsonValueKind.False => false,
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => value.ToJsonString(),
        JsonValue value => value.GetValue<string>(),
        _ => node.ToJsonString(),
    };
}
