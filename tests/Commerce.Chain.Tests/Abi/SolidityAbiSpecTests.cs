using System.Numerics;
using System.Text;
using Commerce.Chain.Abi;
using Commerce.Chain.Hex;

namespace Commerce.Chain.Tests.Abi;

/// <summary>The worked examples of the Solidity contract ABI specification.</summary>
public class SolidityAbiSpecTests
{
    private static string Words(params string[] words) => string.Concat(words);

    [Fact]
    public void Baz_encodes_uint32_and_bool()
    {
        var baz = AbiFunction.Parse("function baz(uint32 x, bool y) public pure returns (bool r)");
        Assert.Equal("0xcdcd77c0", baz.SelectorHex);
        Assert.Equal("0xcdcd77c0" + Words(
                "0000000000000000000000000000000000000000000000000000000000000045",
                "0000000000000000000000000000000000000000000000000000000000000001"),
            HexString.Encode(baz.EncodeCall(69, true)));
    }

    [Fact]
    public void Bar_encodes_a_fixed_array_of_bytes3()
    {
        var bar = AbiFunction.Parse("function bar(bytes3[2] memory) public pure");
        Assert.Equal("0xfce353f6" + Words(
                "6162630000000000000000000000000000000000000000000000000000000000",
                "6465660000000000000000000000000000000000000000000000000000000000"),
            HexString.Encode(bar.EncodeCall((object)new object[] { "abc"u8.ToArray(), "def"u8.ToArray() })));
    }

    [Fact]
    public void Sam_encodes_bytes_bool_and_a_dynamic_uint_array()
    {
        var sam = AbiFunction.Parse("function sam(bytes memory, bool, uint[] memory) public pure");
        var expected = "0xa5643bf2" + Words(
            "0000000000000000000000000000000000000000000000000000000000000060",
            "0000000000000000000000000000000000000000000000000000000000000001",
            "00000000000000000000000000000000000000000000000000000000000000a0",
            "0000000000000000000000000000000000000000000000000000000000000004",
            "6461766500000000000000000000000000000000000000000000000000000000",
            "0000000000000000000000000000000000000000000000000000000000000003",
            "0000000000000000000000000000000000000000000000000000000000000001",
            "0000000000000000000000000000000000000000000000000000000000000002",
            "0000000000000000000000000000000000000000000000000000000000000003");
        Assert.Equal(expected, HexString.Encode(sam.EncodeCall("dave"u8.ToArray(), true, new[] { 1, 2, 3 })));

        var decoded = sam.DecodeCall(HexString.Decode(expected));
        Assert.Equal("dave"u8.ToArray(), decoded[0]);
        Assert.Equal(true, decoded[1]);
        Assert.Equal(new object[] { new BigInteger(1), new BigInteger(2), new BigInteger(3) }, (object?[])decoded[2]!);
    }

    [Fact]
    public void F_mixes_static_and_dynamic_parameters()
    {
        var f = AbiFunction.Parse("f(uint256,uint32[],bytes10,bytes)");
        var expected = "0x8be65246" + Words(
            "0000000000000000000000000000000000000000000000000000000000000123",
            "0000000000000000000000000000000000000000000000000000000000000080",
            "3132333435363738393000000000000000000000000000000000000000000000",
            "00000000000000000000000000000000000000000000000000000000000000e0",
            "0000000000000000000000000000000000000000000000000000000000000002",
            "0000000000000000000000000000000000000000000000000000000000000456",
            "0000000000000000000000000000000000000000000000000000000000000789",
            "000000000000000000000000000000000000000000000000000000000000000d",
            "48656c6c6f2c20776f726c642100000000000000000000000000000000000000");
        var call = f.EncodeCall(0x123, new[] { 0x456, 0x789 }, Encoding.ASCII.GetBytes("1234567890"), Encoding.ASCII.GetBytes("Hello, world!"));
        Assert.Equal(expected, HexString.Encode(call));

        var decoded = f.DecodeCall(call);
        Assert.Equal(new BigInteger(0x123), decoded[0]);
        Assert.Equal(Encoding.ASCII.GetBytes("1234567890"), decoded[2]);
        Assert.Equal("Hello, world!", Encoding.ASCII.GetString((byte[])decoded[3]!));
    }

    [Fact]
    public void G_nests_dynamic_arrays_and_strings()
    {
        var g = AbiFunction.Parse("g(uint256[][],string[])");
        var expected = "0x2289b18c" + Words(
            "0000000000000000000000000000000000000000000000000000000000000040",
            "0000000000000000000000000000000000000000000000000000000000000140",
            "0000000000000000000000000000000000000000000000000000000000000002",
            "0000000000000000000000000000000000000000000000000000000000000040",
            "00000000000000000000000000000000000000000000000000000000000000a0",
            "0000000000000000000000000000000000000000000000000000000000000002",
            "0000000000000000000000000000000000000000000000000000000000000001",
            "0000000000000000000000000000000000000000000000000000000000000002",
            "0000000000000000000000000000000000000000000000000000000000000001",
            "0000000000000000000000000000000000000000000000000000000000000003",
            "0000000000000000000000000000000000000000000000000000000000000003",
            "0000000000000000000000000000000000000000000000000000000000000060",
            "00000000000000000000000000000000000000000000000000000000000000a0",
            "00000000000000000000000000000000000000000000000000000000000000e0",
            "0000000000000000000000000000000000000000000000000000000000000003",
            "6f6e650000000000000000000000000000000000000000000000000000000000",
            "0000000000000000000000000000000000000000000000000000000000000003",
            "74776f0000000000000000000000000000000000000000000000000000000000",
            "0000000000000000000000000000000000000000000000000000000000000005",
            "7468726565000000000000000000000000000000000000000000000000000000");
        var call = g.EncodeCall(new[] { new[] { 1, 2 }, new[] { 3 } }, new[] { "one", "two", "three" });
        Assert.Equal(expected, HexString.Encode(call));

        var decoded = g.DecodeCall(call);
        var strings = (object?[])decoded[1]!;
        Assert.Equal(new object[] { "one", "two", "three" }, strings);
        var nested = (object?[])decoded[0]!;
        Assert.Equal(new BigInteger(3), ((object?[])nested[1]!)[0]);
    }
}
