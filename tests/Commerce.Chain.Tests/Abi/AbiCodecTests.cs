using System.Numerics;
using Commerce.Chain.Abi;
using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;

namespace Commerce.Chain.Tests.Abi;

public class AbiCodecTests
{
    [Theory]
    [InlineData("uint", "uint256")]
    [InlineData("int", "int256")]
    [InlineData("uint8[]", "uint8[]")]
    [InlineData("bytes32[3][]", "bytes32[3][]")]
    [InlineData("(address a, uint96 b)[2]", "(address,uint96)[2]")]
    [InlineData("tuple(uint256 id, (string name, bool ok)[] items)", "(uint256,(string,bool)[])")]
    public void Types_parse_to_their_canonical_names(string text, string canonical) =>
        Assert.Equal(canonical, AbiType.Parse(text).CanonicalName);

    [Theory]
    [InlineData("uint7")]
    [InlineData("uint264")]
    [InlineData("bytes33")]
    [InlineData("bytes0")]
    [InlineData("float")]
    [InlineData("uint256[")]
    [InlineData("(uint256")]
    public void Bad_types_are_refused(string text) =>
        Assert.Throws<AbiException>(() => AbiType.Parse(text));

    [Theory]
    [InlineData("int8", "-1", "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    [InlineData("int256", "-128", "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff80")]
    [InlineData("int16", "32767", "0000000000000000000000000000000000000000000000000000000000007fff")]
    [InlineData("uint8", "255", "00000000000000000000000000000000000000000000000000000000000000ff")]
    [InlineData("uint256", "0xde0b6b3a7640000", "0000000000000000000000000000000000000000000000000de0b6b3a7640000")]
    public void Integers_of_every_size_encode_as_one_word(string type, string value, string expected)
    {
        var abiType = AbiType.Parse(type);
        var encoded = AbiEncoder.EncodeValue(abiType, value);
        Assert.Equal(expected, Convert.ToHexStringLower(encoded));
        var expectedValue = value.StartsWith("0x") ? HexString.DecodeQuantity(value) : BigInteger.Parse(value);
        Assert.Equal(expectedValue, AbiDecoder.DecodeValue(abiType, encoded));
    }

    [Theory]
    [InlineData("uint8", "256")]
    [InlineData("uint256", "-1")]
    [InlineData("int8", "128")]
    [InlineData("int8", "-129")]
    public void Integers_out_of_range_are_refused_with_the_parameter_named(string type, string value)
    {
        var function = new AbiFunction("set", [new AbiParameter("amount", AbiType.Parse(type))]);
        var error = Assert.Throws<AbiException>(() => function.EncodeCall(BigInteger.Parse(value)));
        Assert.Equal("amount", error.Path);
    }

    [Fact]
    public void A_static_tuple_is_written_inline_and_a_dynamic_one_by_offset()
    {
        var staticTuple = AbiType.Parse("(uint256,address)");
        Assert.False(staticTuple.IsDynamic);
        Assert.Equal(64, staticTuple.HeadSize);
        var address = EthAddress.Parse("0x3535353535353535353535353535353535353535");
        Assert.Equal(64, AbiEncoder.EncodeValue(staticTuple, new object[] { 1, address }).Length);

        var dynamicTuple = AbiType.Parse("(uint256 id, string name)");
        var encoded = AbiEncoder.EncodeValue(dynamicTuple, new Dictionary<string, object?> { ["id"] = 7, ["name"] = "sword" });
        Assert.Equal(new BigInteger(0x20), new BigInteger(encoded.AsSpan(0, 32), true, true));
        var decoded = (object?[])AbiDecoder.DecodeValue(dynamicTuple, encoded)!;
        Assert.Equal(new BigInteger(7), decoded[0]);
        Assert.Equal("sword", decoded[1]);
    }

    [Fact]
    public void Arrays_of_tuples_round_trip()
    {
        var type = AbiType.Parse("(address owner, uint96 price, bytes32 item)[]");
        var owner = EthAddress.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
        var item = Keccak256.HashUtf8("sword");
        var value = new[] { new object[] { owner, 100, item }, new object[] { EthAddress.Zero, 0, new byte[32] } };
        var decoded = (object?[])AbiDecoder.DecodeValue(type, AbiEncoder.EncodeValue(type, value))!;
        var first = (object?[])decoded[0]!;
        Assert.Equal(owner, first[0]);
        Assert.Equal(new BigInteger(100), first[1]);
        Assert.Equal(item, first[2]);
        Assert.Equal(2, decoded.Length);
    }

    [Fact]
    public void Wrong_values_name_their_path()
    {
        var function = AbiFunction.Parse("function list((uint256 id, address seller)[] offers)");
        var error = Assert.Throws<AbiException>(() => function.EncodeCall((object)new object[] { new object[] { 1, "0x1234" } }));
        Assert.Equal("offers[0].seller", error.Path);

        var countError = Assert.Throws<AbiException>(() => function.EncodeCall());
        Assert.Equal("values", countError.Path);

        var sizeError = Assert.Throws<AbiException>(() => AbiEncoder.EncodeValue(AbiType.Parse("bytes4"), new byte[3]));
        Assert.Contains("exactly 4 bytes", sizeError.Message);
    }

    [Theory]
    [InlineData("bool", "0000000000000000000000000000000000000000000000000000000000000002", "bool must be 0 or 1")]
    [InlineData("address", "0000000000000000000000010000000000000000000000000000000000000000", "non-zero high bytes")]
    [InlineData("uint8", "0000000000000000000000000000000000000000000000000000000000000100", "dirty high bits")]
    [InlineData("int8", "0000000000000000000000000000000000000000000000000000000000000080", "sign extension")]
    [InlineData("bytes1", "0101000000000000000000000000000000000000000000000000000000000000", "non-zero padding")]
    [InlineData("uint256", "00", "32-byte word")]
    [InlineData("bytes", "0000000000000000000000000000000000000000000000000000000000000020" + "0000000000000000000000000000000000000000000000000000000000000040", "declared but only 0 remain")]
    [InlineData("uint256[]", "0000000000000000000000000000000000000000000000000000000000000020" + "000000000000000000000000000000000000000000000000000000000fffffff", "does not fit in the data")]
    [InlineData("string", "0000000000000000000000000000000000000000000000000000000000001000", "points past the end")]
    public void Malformed_data_is_refused(string type, string dataHex, string expectedFragment)
    {
        var error = Assert.Throws<AbiException>(() => AbiDecoder.DecodeValue(AbiType.Parse(type), Convert.FromHexString(dataHex)));
        Assert.Contains(expectedFragment, error.Message);
    }

    [Fact]
    public void Function_outputs_decode_by_declaration()
    {
        var balanceOf = AbiFunction.Parse("function balanceOf(address owner) view returns (uint256 balance)");
        Assert.Equal("0x70a08231", balanceOf.SelectorHex);
        var output = AbiEncoder.Encode([AbiType.UInt(256)], [BigInteger.Pow(10, 21)]);
        Assert.Equal(BigInteger.Pow(10, 21), balanceOf.DecodeOutput(output)[0]);
    }

    [Fact]
    public void Call_data_for_another_function_is_refused()
    {
        var transfer = AbiFunction.Parse("transfer(address,uint256)");
        var error = Assert.Throws<AbiException>(() => transfer.DecodeCall(HexString.Decode("0x70a08231")));
        Assert.Contains("0xa9059cbb", error.Message);
    }

    public static TheoryData<int> AllIntegerSizes => new(Enumerable.Range(1, 32).Select(n => n * 8));

    [Theory]
    [MemberData(nameof(AllIntegerSizes))]
    public void Every_integer_size_round_trips_its_extremes_and_refuses_one_past_them(int bits)
    {
        var uintType = AbiType.UInt(bits);
        var intType = AbiType.Int(bits);
        var uintMax = (BigInteger.One << bits) - 1;
        var intMax = (BigInteger.One << (bits - 1)) - 1;
        var intMin = -(BigInteger.One << (bits - 1));

        foreach (var (type, value) in new[] { (uintType, uintMax), (uintType, BigInteger.Zero), (intType, intMax), (intType, intMin), (intType, BigInteger.MinusOne) })
            Assert.Equal(value, AbiDecoder.DecodeValue(type, AbiEncoder.EncodeValue(type, value)));

        Assert.Throws<AbiException>(() => AbiEncoder.EncodeValue(uintType, uintMax + 1));
        Assert.Throws<AbiException>(() => AbiEncoder.EncodeValue(intType, intMax + 1));
        Assert.Throws<AbiException>(() => AbiEncoder.EncodeValue(intType, intMin - 1));
        if (bits < 256)
        {
            // A word holding a value one bit too wide for the type is refused when decoding.
            Assert.Throws<AbiException>(() => AbiDecoder.DecodeValue(uintType, AbiEncoder.EncodeValue(AbiType.UInt(256), uintMax + 1)));
            Assert.Throws<AbiException>(() => AbiDecoder.DecodeValue(intType, AbiEncoder.EncodeValue(AbiType.Int(256), intMax + 1)));
        }
    }
}
