using Commerce.Chain.Abi;
using Nethereum.ABI.ABIDeserialisation;
using Nethereum.ABI.FunctionEncoding;

namespace Commerce.Chain.Tests.Abi;

/// <summary>What comes back from a node is checked word by word before Nethereum decodes it.</summary>
public class CanonicalWordsTests
{
    private const string Zero = "0000000000000000000000000000000000000000000000000000000000000000";

    [Theory]
    [InlineData("bool", "0000000000000000000000000000000000000000000000000000000000000002", "a bool is 0 or 1")]
    [InlineData("address", "0000000000000000000000010000000000000000000000000000000000000000", "12 zero bytes")]
    [InlineData("uint8", "0000000000000000000000000000000000000000000000000000000000000100", "does not fit in uint8")]
    [InlineData("int8", "0000000000000000000000000000000000000000000000000000000000000080", "does not fit in int8")]
    [InlineData("bytes1", "0101000000000000000000000000000000000000000000000000000000000000", "padded with zero bytes")]
    [InlineData("uint256", "00", "the data ends")]
    [InlineData("string", "", "the data ends")]
    public void Words_that_are_not_canonical_are_refused(string type, string dataHex, string expectedFragment)
    {
        var outputs = ABIDeserialiserFactory.DeserialiseFunctionABI($"function f() returns ({type} value)").OutputParameters;

        var error = Assert.Throws<AbiException>(() => CanonicalWords.Check(outputs, Convert.FromHexString(dataHex), "output"));

        Assert.Equal("output.value", error.Path);
        Assert.Contains(expectedFragment, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Components_of_a_static_tuple_are_checked_in_place()
    {
        var outputs = ABIDeserialiserFactory.DeserialiseFunctionABI("function f() returns ((uint16 count, address owner) p)").OutputParameters;
        var dirty = Zero[..^4] + "0001" + "0000000000000000000000ff" + "70997970c51812dc3a010c7d01b50e0d17dc79c8";

        var error = Assert.Throws<AbiException>(() => CanonicalWords.Check(outputs, Convert.FromHexString(dirty), "output"));

        Assert.Equal("output.p.owner", error.Path);
    }

    [Fact]
    public void Nethereum_alone_decodes_an_address_with_dirty_high_bytes_that_we_refuse()
    {
        var outputs = ABIDeserialiserFactory.DeserialiseFunctionABI("function owner() returns (address)").OutputParameters;
        var dirty = Convert.FromHexString("ff000000000000000000000070997970c51812dc3a010c7d01b50e0d17dc79c8");

        var lenient = new FunctionCallDecoder().DecodeSimpleTypeOutput<string>(outputs[0], Convert.ToHexStringLower(dirty));

        Assert.Equal("0x70997970c51812dc3a010c7d01b50e0d17dc79c8", lenient.ToLowerInvariant());
        Assert.Throws<AbiException>(() => CanonicalWords.Check(outputs, dirty, "owner"));
    }

    [Fact]
    public void Clean_words_pass()
    {
        var outputs = ABIDeserialiserFactory.DeserialiseFunctionABI("function f() returns (uint16 a, bool b, address c, bytes2 d)").OutputParameters;
        var clean = Zero[..^4] + "ffff" + Zero[..^1] + "1" + "000000000000000000000000" + "70997970c51812dc3a010c7d01b50e0d17dc79c8" + "abcd" + Zero[4..];

        CanonicalWords.Check(outputs, Convert.FromHexString(clean), "output");
    }
}
