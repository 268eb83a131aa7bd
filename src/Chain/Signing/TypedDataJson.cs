using System.Collections;
using System.Numerics;
using System.Text.Json;
using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;

namespace Commerce.Chain.Signing;

/// <summary>Writes typed data as the JSON object of eth_signTypedData_v4. Integers above 2^53 are written as decimal strings so JavaScript wallets keep every digit.</summary>
internal static class TypedDataJson
{
    private static readonly BigInteger MaxSafeInteger = (BigInteger.One << 53) - 1;

    public static string Write(TypedData data)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("types");
            foreach (var (name, fields) in data.Types)
            {
                writer.WriteStartArray(name);
                foreach (var field in fields)
                {
                    writer.WriteStartObject();
                    writer.WriteString("name", field.Name);
                    writer.WriteString("type", field.Type);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
            }
            writer.WriteEndObject();
            writer.WriteString("primaryType", data.PrimaryType);
            writer.WritePropertyName("domain");
            WriteValue(writer, data.Domain);
            writer.WritePropertyName("message");
            WriteValue(writer, data.Message);
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonElement json:
                json.WriteTo(writer);
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case EthAddress address:
                writer.WriteStringValue(address.ToString());
                break;
            case byte[] bytes:
                writer.WriteStringValue(HexString.Encode(bytes));
                break;
            case IReadOnlyDictionary<string, object?> members:
                writer.WriteStartObject();
                foreach (var (name, member) in members)
                {
                    writer.WritePropertyName(name);
                    WriteValue(writer, member);
                }
                writer.WriteEndObject();
                break;
            case IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items)
                    WriteValue(writer, item);
                writer.WriteEndArray();
                break;
            default:
                var integer = ToInteger(value);
                if (BigInteger.Abs(integer) <= MaxSafeInteger)
                    writer.WriteNumberValue((long)integer);
                else
                    writer.WriteStringValue(integer.ToString(System.Globalization.CultureInfo.InvariantCulture));
                break;
        }
    }

    private static BigInteger ToInteger(object value) => value switch
    {
        BigInteger b => b,
        int i => i,
        long l => l,
        uint u => u,
        ulong u => u,
        short s => s,
        ushort s => s,
        byte b => b,
        sbyte s => s,
        _ => throw new TypedDataException("value", $"cannot write a {value.GetType().Name} as typed-data JSON"),
    };
}
