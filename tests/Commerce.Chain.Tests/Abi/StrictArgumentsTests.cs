using System.Numerics;
using Commerce.Chain.Abi;
using Commerce.Chain.Hex;
using Nethereum.ABI;
using Nethereum.ABI.ABIDeserialisation;
using Nethereum.ABI.Model;

namespace Commerce.Chain.Tests.Abi;

/// <summary>Values from outside are checked against their ABI type before Nethereum encodes them.</summary>
public class StrictArgumentsTests
{
    private static Parameter[] Inputs(string signature) => ABIDeserialiserFactory.DeserialiseFunctionABI(signature).InputParameters;

    [Theory]
    [InlineData("int8", "-1", "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    [InlineData("int256", "-128", "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff80")]
    [InlineData("int16", "32767", "0000000000000000000000000000000000000000000000000000000000007fff")]
    [InlineData("uint8", "255", "00000000000000000000000000000000000000000000000000000000000000ff")]
    [InlineData("uint256", "0xde0b6b3a7640000", "0000000000000000000000000000000000000000000000000de0b6b3a7640000")]
    public void Integers_of_every_size_encode_as_one_word(string type, string value, string expected)
    {
        var values = StrictArguments.Convert(Inputs($"function f({type} v)"), [value]);

        Assert.Equal(expected, Convert.ToHexStringLower(ABIType.CreateABIType(type).Encode(values[0])));
    }

    [Theory]
    [InlineData("uint8", "256")]
    [InlineData("uint256", "-1")]
    [InlineData("int8", "128")]
    [InlineData("int8", "-129")]
    public void Integers_out_of_range_are_refused_with_the_parameter_named(string type, string value)
    {
        var error = Assert.Throws<AbiException>(() => StrictArguments.Convert(Inputs($"function f({type} amount)"), [value]));
        Assert.Equal("amount", error.Path);
    }

    public static TheoryData<int> AllIntegerSizes => new(Enumerable.Range(1, 32).Select(n => n * 8));

    [Theory]
    [MemberData(nameof(AllIntegerSizes))]
    public void Every_integer_size_takes_its_extremes_and_refuses_one_past_them(int bits)
    {
        var unsigned = Inputs($"function f(uint{bits} v)");
        var signed = Inputs($"function f(int{bits} v)");
        var max = (BigInteger.One << bits) - 1;
        var half = BigInteger.One << (bits - 1);

        Assert.Equal(max, StrictArguments.Convert(unsigned, [max])[0]);
        Assert.Throws<AbiException>(() => StrictArguments.Convert(unsigned, [max + 1]));
        Assert.Equal(-half, StrictArguments.Convert(signed, [-half])[0]);
        Assert.Throws<AbiException>(() => StrictArguments.Convert(signed, [-half - 1]));
        Assert.Throws<AbiException>(() => StrictArguments.Convert(signed, [half]));
    }

    [Theory]
    [InlineData("function f(address to)", "0x12", "to")]
    [InlineData("function f(address to)", "0x70997970c51812dc3a010c7d01b50e0d17dc79c8aa", "to")]
    [InlineData("function f(bytes32 id)", "0x1234", "id")]
    [InlineData("function f(bytes data)", "not hex", "data")]
    [InlineData("function f(bool ok)", "yes", "ok")]
    public void Values_that_do_not_fit_are_refused_with_their_path(string signature, string value, string path)
    {
        var error = Assert.Throws<AbiException>(() => StrictArguments.Convert(Inputs(signature), [value]));
        Assert.Equal(path, error.Path);
    }

    [Fact]
    public void A_value_inside_an_array_of_tuples_is_named_by_its_path()
    {
        var parameters = Inputs("function quote(uint256 itemId, (address seller, uint96 price)[] offers)");
        object?[] offers =
        [
            new object?[] { "0x70997970C51812dc3A010C7d01b50e0d17dc79C8", 5 },
            new object?[] { "0x70997970C51812dc3A010C7d01b50e0d17dc79C8", BigInteger.One << 96 },
        ];

        var error = Assert.Throws<AbiException>(() => StrictArguments.Convert(parameters, [1, offers]));

        Assert.Equal("offers[1].price", error.Path);
    }

    [Fact]
    public void Nethereum_alone_pads_a_short_address_that_we_refuse()
    {
        var nethereum = HexString.Encode(ABIType.CreateABIType("address").Encode("0x12"));

        Assert.EndsWith("12", nethereum);
        Assert.Throws<AbiException>(() => StrictArguments.Convert(Inputs("function f(address to)"), ["0x12"]));
    }
}
