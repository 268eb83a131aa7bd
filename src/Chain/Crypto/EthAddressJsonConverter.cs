using System.Text.Json;
using System.Text.Json.Serialization;
using Commerce.Chain.Hex;

namespace Commerce.Chain.Crypto;

/// <summary>
/// JSON form of <see cref="EthAddress"/>: written in EIP-55 form; read from any 0x string whose
/// case is all-lower, all-upper or a correct checksum.
/// </summary>
public sealed class EthAddressJsonConverter : JsonConverter<EthAddress>
{
    public override EthAddress Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw new JsonException($"expected an address string, got {reader.TokenType}");
        try
        {
            return EthAddress.Parse(reader.GetString());
        }
        catch (HexFormatException e)
        {
            throw new JsonException(e.Message, e);
        }
    }

    public override void Write(Utf8JsonWriter writer, EthAddress value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
