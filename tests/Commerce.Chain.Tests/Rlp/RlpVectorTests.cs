using System.Numerics;
using System.Text;
using System.Text.Json;
using Commerce.Chain.Rlp;
using Nethereum.RLP;

namespace Commerce.Chain.Tests.Rlp;

/// <summary>
/// Our strict decoder (encoding is Nethereum's) against the vectors of the Ethereum test suite's RLPTests/rlptest.json. Inputs are written as there:
/// a JSON string is its UTF-8 bytes, "#123" a big integer, a number an integer, an array a list.
/// </summary>
public class RlpVectorTests
{
    public static TheoryData<string, string, string> Vectors => new()
    {
        { "emptystring", "\"\"", "80" },
        { "bytestring00", "\"\\u0000\"", "00" },
        { "bytestring01", "\"\\u0001\"", "01" },
        { "bytestring7F", "\"\\u007F\"", "7f" },
        { "shortstring", "\"dog\"", "83646f67" },
        { "shortstring2", "\"Lorem ipsum dolor sit amet, consectetur adipisicing eli\"", "b74c6f72656d20697073756d20646f6c6f722073697420616d65742c20636f6e7365637465747572206164697069736963696e6720656c69" },
        { "longstring", "\"Lorem ipsum dolor sit amet, consectetur adipisicing elit\"", "b8384c6f72656d20697073756d20646f6c6f722073697420616d65742c20636f6e7365637465747572206164697069736963696e6720656c6974" },
        { "zero", "0", "80" },
        { "smallint", "1", "01" },
        { "smallint2", "16", "10" },
        { "smallint3", "79", "4f" },
        { "smallint4", "127", "7f" },
        { "mediumint1", "128", "8180" },
        { "mediumint2", "1000", "8203e8" },
        { "mediumint3", "100000", "830186a0" },
        { "mediumint4", "\"#83729609699884896815286331701780722\"", "8f102030405060708090a0b0c0d0e0f2" },
        { "mediumint5", "\"#105315505618206987246253880190783558935785933862974822347068935681\"", "9c0100020003000400050006000700080009000a000b000c000d000e01" },
        { "emptylist", "[]", "c0" },
        { "stringlist", "[\"dog\", \"god\", \"cat\"]", "cc83646f6783676f6483636174" },
        { "multilist", "[\"zw\", [4], 1]", "c6827a77c10401" },
        { "shortListMax1", "[\"asdf\",\"qwer\",\"zxcv\",\"asdf\",\"qwer\",\"zxcv\",\"asdf\",\"qwer\",\"zxcv\",\"asdf\",\"qwer\"]", "f784617364668471776572847a78637684617364668471776572847a78637684617364668471776572847a78637684617364668471776572" },
        { "longList1", "[[\"asdf\",\"qwer\",\"zxcv\"],[\"asdf\",\"qwer\",\"zxcv\"],[\"asdf\",\"qwer\",\"zxcv\"],[\"asdf\",\"qwer\",\"zxcv\"]]", "f840cf84617364668471776572847a786376cf84617364668471776572847a786376cf84617364668471776572847a786376cf84617364668471776572847a786376" },
        { "listsoflists", "[[[], []], []]", "c4c2c0c0c0" },
        { "listsoflists2", "[[], [[]], [[], [[]]]]", "c7c0c1c0c3c0c1c0" },
        { "dictTest1", "[[\"key1\",\"val1\"],[\"key2\",\"val2\"],[\"key3\",\"val3\"],[\"key4\",\"val4\"]]", "ecca846b6579318476616c31ca846b6579328476616c32ca846b6579338476616c33ca846b6579348476616c34" },
        { "bigint", "\"#115792089237316195423570985008687907853269984665640564039457584007913129639936\"", "a1010000000000000000000000000000000000000000000000000000000000000000" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Decoding_the_reference_vector_gives_back_the_input(string name, string inputJson, string expectedHex)
    {
        var expected = ToItem(JsonDocument.Parse(inputJson).RootElement);
        var decoded = RlpDecoder.Decode(Convert.FromHexString(expectedHex));
        Assert.True(expected.ToString() == decoded.ToString(), name);
    }

    [Fact]
    public void A_string_of_1024_bytes_uses_a_two_byte_length()
    {
        byte[] encoded = [0xb9, 0x04, 0x00, .. new byte[1024]];
        Assert.Equal(1024, RlpDecoder.Decode(encoded).Bytes.Length);
    }

    [Fact]
    public void Integers_nethereum_encodes_decode_strictly_to_the_same_value()
    {
        foreach (var value in new[] { BigInteger.Zero, BigInteger.One, new BigInteger(127), new BigInteger(128), BigInteger.Pow(2, 255) })
            Assert.Equal(value, RlpDecoder.Decode(Nethereum.RLP.RLP.EncodeElement(value.ToBytesForRLPEncoding())).ToBigInteger());
        var max = new BigInteger(ulong.MaxValue);
        Assert.Equal(ulong.MaxValue, RlpDecoder.Decode(Nethereum.RLP.RLP.EncodeElement(max.ToBytesForRLPEncoding())).ToUInt64());
    }

    private static RlpItem ToItem(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => RlpItem.List(element.EnumerateArray().Select(ToItem)),
        JsonValueKind.Number => RlpItem.UInt(BigInteger.Parse(element.GetRawText())),
        JsonValueKind.String when element.GetString()!.StartsWith('#') => RlpItem.UInt(BigInteger.Parse(element.GetString()![1..])),
        JsonValueKind.String => RlpItem.String(Encoding.UTF8.GetBytes(element.GetString()!)),
        _ => throw new ArgumentException($"unexpected vector input {element}"),
    };
}
