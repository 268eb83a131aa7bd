using System.Numerics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Commerce.Chain.Hex;

namespace Commerce.Chain.JsonRpc;

/// <summary>QUANTITY strings ("0x1a") as BigInteger. Errors carry the JSON path (added by System.Text.Json).</summary>
internal sealed class QuantityJsonConverter : JsonConverter<BigInteger>
{
    public override BigInteger Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Wrap(ReadString(ref reader, "a hex quantity"), text => HexString.DecodeQuantity(text, "quantity"));

    public override void Write(Utf8JsonWriter writer, BigInteger value, JsonSerializerOptions options) =>
        writer.WriteStringValue(HexString.EncodeQuantity(value));

    internal static string ReadString(ref Utf8JsonReader reader, string what) =>
        reader.TokenType == JsonTokenType.String
            ? reader.GetString()!
            : throw new JsonException($"expected {what} string, got {reader.TokenType}");

    internal static T Wrap<T>(string text, Func<string, T> read)
    {
        try
        {
            return read(text);
        }
        catch (FormatException e)
        {
            throw new JsonException(e.Message, e);
        }
    }
}

/// <summary>QUANTITY strings as ulong (block numbers, nonces, gas).</summary>
internal sealed class UInt64QuantityJsonConverter : JsonConverter<ulong>
{
    public override ulong Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        QuantityJsonConverter.Wrap(QuantityJsonConverter.ReadString(ref reader, "a hex quantity"), text => HexString.DecodeQuantityUInt64(text, "quantity"));

    public override void Write(Utf8JsonWriter writer, ulong value, JsonSerializerOptions options) =>
        writer.WriteStringValue(HexString.EncodeQuantity(value));
}

/// <summary>DATA strings ("0x...") as byte[] instead of System.Text.Json's base64.</summary>
internal sealed class HexBytesJsonConverter : JsonConverter<byte[]>
{
    public override byte[] Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        QuantityJsonConverter.Wrap(QuantityJsonConverter.ReadString(ref reader, "a hex data"), text => HexString.Decode(text, "data"));

    public override void Write(Utf8JsonWriter writer, byte[] value, JsonSerializerOptions options) =>
        writer.WriteStringValue(HexString.Encode(value));
}
