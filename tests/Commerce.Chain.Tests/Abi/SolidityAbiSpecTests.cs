using System.Text;
using Commerce.Chain.Abi;
using Nethereum.ABI.ABIDeserialisation;
using Nethereum.ABI.FunctionEncoding;

namespace Commerce.Chain.Tests.Abi;

/// <summary>The worked examples of the Solidity contract ABI specification, through our strict arguments and Nethereum's encoder.</summary>
public class SolidityAbiSpecTests
{
    private static string Words(params string[] words) => string.Concat(words);

    public static TheoryData<string, object?[], string> Examples => new()
    {
        {
            "function baz(uint32 x, bool y) returns (bool r)", [69, true],
            "0xcdcd77c0" + Words(
                "0000000000000000000000000000000000000000000000000000000000000045",
                "0000000000000000000000000000000000000000000000000000000000000001")
        },
        {
            "function bar(bytes3[2] xy)", [new object[] { "abc"u8.ToArray(), "def"u8.ToArray() }],
            "0xfce353f6" + Words(
                "6162630000000000000000000000000000000000000000000000000000000000",
                "6465660000000000000000000000000000000000000000000000000000000000")
        },
        {
            "function sam(bytes name, bool z, uint256[] data)", ["dave"u8.ToArray(), true, new[] { 1, 2, 3 }],
            "0xa5643bf2" + Words(
                "0000000000000000000000000000000000000000000000000000000000000060",
                "0000000000000000000000000000000000000000000000000000000000000001",
                "00000000000000000000000000000000000000000000000000000000000000a0",
                "0000000000000000000000000000000000000000000000000000000000000004",
                "6461766500000000000000000000000000000000000000000000000000000000",
                "0000000000000000000000000000000000000000000000000000000000000003",
                "0000000000000000000000000000000000000000000000000000000000000001",
                "0000000000000000000000000000000000000000000000000000000000000002",
                "0000000000000000000000000000000000000000000000000000000000000003")
        },
        {
            "function f(uint256 a, uint32[] b, bytes10 c, bytes d)",
            [0x123, new[] { 0x456, 0x789 }, Encoding.ASCII.GetBytes("1234567890"), Encoding.ASCII.GetBytes("Hello, world!")],
            "0x8be65246" + Words(
                "0000000000000000000000000000000000000000000000000000000000000123",
                "0000000000000000000000000000000000000000000000000000000000000080",
                "3132333435363738393000000000000000000000000000000000000000000000",
                "00000000000000000000000000000000000000000000000000000000000000e0",
                "0000000000000000000000000000000000000000000000000000000000000002",
                "0000000000000000000000000000000000000000000000000000000000000456",
                "0000000000000000000000000000000000000000000000000000000000000789",
                "000000000000000000000000000000000000000000000000000000000000000d",
                "48656c6c6f2c20776f726c642100000000000000000000000000000000000000")
        },
        {
            "function g(uint256[][] a, string[] b)", [new[] { new[] { 1, 2 }, new[] { 3 } }, new[] { "one", "two", "three" }],
            "0x2289b18c" + Words(
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
                "7468726565000000000000000000000000000000000000000000000000000000")
        },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Spec_examples_encode_byte_for_byte(string signature, object?[] arguments, string expected)
    {
        var function = ABIDeserialiserFactory.DeserialiseFunctionABI(signature);
        var values = StrictArguments.Convert(function.InputParameters, arguments);

        Assert.Equal(expected, new FunctionCallEncoder().EncodeRequest(function.Sha3Signature, function.InputParameters, values));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Spec_examples_decode_back_after_the_canonical_check(string signature, object?[] arguments, string expected)
    {
        var function = ABIDeserialiserFactory.DeserialiseFunctionABI(signature);
        var data = Convert.FromHexString(expected[10..]);

        CanonicalWords.Check(function.InputParameters, data, "call");
        var decoded = DecodedValues.Normalize(new FunctionCallDecoder().DecodeDefaultData(data, function.InputParameters));

        Assert.Equal(arguments.Length, decoded.Length);
        Assert.Equal(expected, new FunctionCallEncoder().EncodeRequest(function.Sha3Signature, function.InputParameters,
            StrictArguments.Convert(function.InputParameters, decoded)));
    }
}
