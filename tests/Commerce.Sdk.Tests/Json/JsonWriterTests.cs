using Commerce.Sdk;

namespace Commerce.Sdk.Tests.Json;

public sealed class JsonWriterTests
{
    [Fact]
    public void Writes_the_interest_request_body()
    {
        var json = new JsonWriter()
            .WriteStartObject()
            .Write("itemId", "dragons:42")
            .Write("dwellSeconds", 3.5)
            .WriteEndObject()
            .ToString();

        Assert.Equal("{\"itemId\":\"dragons:42\",\"dwellSeconds\":3.5}", json);
    }

    [Fact]
    public void Writes_nested_arrays_and_objects_with_commas_in_the_right_places()
    {
        var json = new JsonWriter()
            .WriteStartObject()
            .WritePropertyName("a").WriteStartArray().WriteNumber(1).WriteNull().WriteBoolean(false)
            .WriteStartObject().WriteEndObject().WriteStartArray().WriteEndArray().WriteEndArray()
            .Write("b", true)
            .WriteEndObject()
            .ToString();

        Assert.Equal("{\"a\":[1,null,false,{},[]],\"b\":true}", json);
    }

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("q\"b\\", "\"q\\\"b\\\\\"")]
    [InlineData("\n\r\t\b\f", "\"\\n\\r\\t\\b\\f\"")]
    [InlineData("\u0001\u001f", "\"\\u0001\\u001f\"")]
    [InlineData("\u2028\u2029", "\"\\u2028\\u2029\"")]
    [InlineData("é 😀", "\"é 😀\"")]
    [InlineData("</script>", "\"</script>\"")]
    public void Escapes_strings(string value, string expected)
    {
        Assert.Equal(expected, new JsonWriter().WriteString(value).ToString());
    }

    [Fact]
    public void Escapes_a_lone_surrogate_that_utf8_cannot_carry()
    {
        var lone = new string(new[] { (char)0xD800, 'x' });

        Assert.Equal("\"\\ud800x\"", new JsonWriter().WriteString(lone).ToString());
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(3.5, "3.5")]
    [InlineData(-1.25, "-1.25")]
    [InlineData(1e21, "1e+21")]
    [InlineData(0.1, "0.1")]
    public void Writes_doubles_in_round_trip_form(double value, string expected)
    {
        var json = new JsonWriter().WriteNumber(value).ToString();

        Assert.Equal(expected, json);
        Assert.Equal(value, JsonReader.Parse(json).GetDouble());
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Refuses_numbers_json_cannot_carry(double value)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new JsonWriter().WriteNumber(value));
    }

    [Fact]
    public void Writes_64_bit_integers_and_decimals_exactly()
    {
        Assert.Equal("[9223372036854775807,12.50]",
            new JsonWriter().WriteStartArray().WriteNumber(long.MaxValue).WriteNumber(12.50m).WriteEndArray().ToString());
    }

    [Fact]
    public void Misuse_fails_instead_of_producing_broken_json()
    {
        Assert.Throws<InvalidOperationException>(() => new JsonWriter().WriteStartObject().WriteString("no name"));
        Assert.Throws<InvalidOperationException>(() => new JsonWriter().WritePropertyName("outside"));
        Assert.Throws<InvalidOperationException>(() => new JsonWriter().WriteStartArray().WriteEndObject());
        Assert.Throws<InvalidOperationException>(() => new JsonWriter().WriteStartObject().ToString());
        Assert.Throws<InvalidOperationException>(() => new JsonWriter().WriteNumber(1).WriteNumber(2));
        Assert.Throws<InvalidOperationException>(() =>
            new JsonWriter().WriteStartObject().WritePropertyName("a").WriteEndObject());
    }

    [Theory]
    [InlineData("{\"seq\":17,\"type\":\"InterestRecorded\",\"payload\":{\"itemId\":\"dragons:42\",\"tags\":[\"rare\",null,true]}}")]
    [InlineData("[1,-2.5e-7,\"\\u0000\",{},[]]")]
    [InlineData("\"é\\\"😀\"")]
    public void Parsed_values_write_back_to_the_same_compact_json(string json)
    {
        Assert.Equal(json, JsonReader.Parse(json).ToJson());
    }

    [Fact]
    public void Values_built_in_code_serialize()
    {
        var value = JsonValue.Object(new[]
        {
            new KeyValuePair<string, JsonValue>("n", JsonValue.Number(42L)),
            new KeyValuePair<string, JsonValue>("list", JsonValue.Array(new[] { JsonValue.String("a"), JsonValue.True })),
        });

        Assert.Equal("{\"n\":42,\"list\":[\"a\",true]}", value.ToJson());
        Assert.Equal(value.ToJson(), value.GetRawText());
    }
}
