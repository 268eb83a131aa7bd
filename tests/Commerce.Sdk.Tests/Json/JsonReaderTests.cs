using Commerce.Sdk;

namespace Commerce.Sdk.Tests.Json;

public sealed class JsonReaderTests
{
    [Theory]
    [InlineData("null", JsonKind.Null)]
    [InlineData("true", JsonKind.Boolean)]
    [InlineData("false", JsonKind.Boolean)]
    [InlineData("0", JsonKind.Number)]
    [InlineData("-12.5e+3", JsonKind.Number)]
    [InlineData("\"x\"", JsonKind.String)]
    [InlineData("[]", JsonKind.Array)]
    [InlineData("{}", JsonKind.Object)]
    [InlineData(" \t\r\n{ } \n", JsonKind.Object)]
    public void Parses_every_kind_of_value(string json, JsonKind expected)
    {
        Assert.Equal(expected, JsonReader.Parse(json).Kind);
    }

    [Theory]
    [InlineData("\"plain\"", "plain")]
    [InlineData("\"a\\\"b\\\\c\\/d\"", "a\"b\\c/d")]
    [InlineData("\"\\b\\f\\n\\r\\t\"", "\b\f\n\r\t")]
    [InlineData("\"\\u00e9\\u00E9\"", "éé")]
    [InlineData("\"\\ud83d\\ude00\"", "😀")]
    [InlineData("\"é 😀 raw\"", "é 😀 raw")]
    [InlineData("\"\"", "")]
    public void Decodes_string_escapes(string json, string expected)
    {
        Assert.Equal(expected, JsonReader.Parse(json).GetString());
    }

    [Theory]
    [InlineData("9223372036854775807", 9223372036854775807L)]
    [InlineData("-9223372036854775808", -9223372036854775808L)]
    [InlineData("0", 0L)]
    [InlineData("-0", 0L)]
    [InlineData("17", 17L)]
    public void Reads_64_bit_integers_exactly(string json, long expected)
    {
        Assert.Equal(expected, JsonReader.Parse(json).GetInt64());
    }

    [Theory]
    [InlineData("3.5", 3.5)]
    [InlineData("1e3", 1000.0)]
    [InlineData("1E-2", 0.01)]
    [InlineData("-0.25", -0.25)]
    public void Reads_doubles(string json, double expected)
    {
        Assert.Equal(expected, JsonReader.Parse(json).GetDouble());
    }

    [Fact]
    public void Reads_decimals_without_binary_rounding()
    {
        Assert.Equal(0.1m + 0.2m, JsonReader.Parse("0.3").GetDecimal());
        Assert.Equal(12345678901234567.89m, JsonReader.Parse("12345678901234567.89").GetDecimal());
    }

    [Fact]
    public void A_fraction_is_not_an_integer()
    {
        var value = JsonReader.Parse("1.5");
        Assert.False(value.TryGetInt64(out _));
        Assert.Throws<FormatException>(() => value.GetInt64());
    }

    [Fact]
    public void Reads_nested_objects_and_arrays_in_order()
    {
        var value = JsonReader.Parse("{\"b\":[1,{\"c\":null}],\"a\":\"x\",\"n\":true}");

        Assert.Equal(new[] { "b", "a", "n" }, value.Properties.Select(p => p.Key));
        Assert.Equal(1, value["b"].Items[0].GetInt64());
        Assert.True(value["b"].Items[1].TryGetProperty("c", out var c));
        Assert.True(c.IsNull);
        Assert.Equal("x", value["a"].GetString());
        Assert.True(value["n"].GetBoolean());
    }

    [Fact]
    public void Missing_properties_read_as_null_and_defaults()
    {
        var value = JsonReader.Parse("{\"name\":\"dragon\",\"count\":\"not a number\"}");

        Assert.True(value["absent"].IsNull);
        Assert.False(value.TryGetProperty("absent", out _));
        Assert.Null(value.GetStringOrDefault("absent"));
        Assert.Equal(7, value.GetInt64OrDefault("count", 7));
        Assert.Equal("dragon", value.GetStringOrDefault("name"));
    }

    [Fact]
    public void A_repeated_property_name_keeps_the_last_value()
    {
        Assert.Equal(2, JsonReader.Parse("{\"a\":1,\"a\":2}")["a"].GetInt64());
    }

    [Fact]
    public void Keeps_the_raw_text_of_nested_values()
    {
        var value = JsonReader.Parse("{ \"payload\" : { \"x\" : [1, 2.50] } }");

        Assert.Equal("{ \"x\" : [1, 2.50] }", value["payload"].GetRawText());
    }

    [Fact]
    public void Decimal_reads_accept_numbers_and_numeric_strings()
    {
        var value = JsonReader.Parse("{\"a\":12.50,\"b\":\"7.25\",\"c\":\"cheap\"}");

        Assert.Equal(12.50m, value.GetDecimalOrNull("a"));
        Assert.Equal(7.25m, value.GetDecimalOrNull("b"));
        Assert.Null(value.GetDecimalOrNull("c"));
    }

    [Theory]
    [InlineData("", 0, "end of input")]
    [InlineData("   ", 3, "end of input")]
    [InlineData("{", 1, "end of input")]
    [InlineData("[1,]", 3, "Trailing comma")]
    [InlineData("{\"a\":1,}", 7, "property name")]
    [InlineData("{a:1}", 1, "property name")]
    [InlineData("{'a':1}", 1, "property name")]
    [InlineData("{\"a\" 1}", 5, "':'")]
    [InlineData("{\"a\":1 \"b\":2}", 7, "',' or '}'")]
    [InlineData("[1 2]", 3, "',' or ']'")]
    [InlineData("01", 1, "Leading zeros")]
    [InlineData("-", 1, "digit")]
    [InlineData("1.", 2, "decimal point")]
    [InlineData("1e", 2, "exponent")]
    [InlineData(".5", 0, "Unexpected character")]
    [InlineData("+1", 0, "Unexpected character")]
    [InlineData("NaN", 0, "Unexpected character")]
    [InlineData("tru", 0, "'true'")]
    [InlineData("nul", 0, "'null'")]
    [InlineData("\"abc", 4, "Unterminated string")]
    [InlineData("\"a\\x\"", 3, "Invalid escape")]
    [InlineData("\"\\u12G4\"", 5, "hex digit")]
    [InlineData("\"\\u12", 2, "Truncated")]
    [InlineData("\"tab\there\"", 4, "control character")]
    [InlineData("{} {}", 3, "after the JSON value")]
    [InlineData("// comment\n{}", 0, "Unexpected character")]
    public void Rejects_malformed_input_with_the_offset_at_fault(string json, int position, string messagePart)
    {
        var error = Assert.Throws<JsonParseException>(() => JsonReader.Parse(json));

        Assert.Equal(position, error.Position);
        Assert.Contains(messagePart, error.Message);
    }

    [Fact]
    public void Rejects_nesting_deeper_than_the_limit()
    {
        var deep = new string('[', JsonReader.MaxDepth + 1) + new string(']', JsonReader.MaxDepth + 1);
        var atLimit = new string('[', JsonReader.MaxDepth) + new string(']', JsonReader.MaxDepth);

        Assert.Contains("Nesting", Assert.Throws<JsonParseException>(() => JsonReader.Parse(deep)).Message);
        Assert.Equal(JsonKind.Array, JsonReader.Parse(atLimit).Kind);
    }

    [Fact]
    public void TryParse_reports_failure_without_throwing()
    {
        Assert.False(JsonReader.TryParse("{", out _));
        Assert.False(JsonReader.TryParse(null, out _));
        Assert.True(JsonReader.TryParse("[true]", out var value));
        Assert.True(value.Items[0].GetBoolean());
    }

    [Fact]
    public void Asking_for_the_wrong_kind_names_both_kinds()
    {
        var error = Assert.Throws<InvalidOperationException>(() => JsonReader.Parse("42").GetString());

        Assert.Contains("String", error.Message);
        Assert.Contains("Number", error.Message);
    }
}
