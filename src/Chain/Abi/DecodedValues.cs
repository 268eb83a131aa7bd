using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;
using Nethereum.ABI;
using Nethereum.ABI.FunctionEncoding;

namespace Commerce.Chain.Abi;

/// <summary>Values Nethereum decodes without a target type, in our types: an address becomes an <see cref="EthAddress"/>, lists become object?[].</summary>
public static class DecodedValues
{
    public static object?[] Normalize(IEnumerable<ParameterOutput> outputs) =>
        (outputs ?? throw new ArgumentNullException(nameof(outputs))).Select(o => Normalize(o.Parameter.ABIType, o.Result)).ToArray();

    public static object? Normalize(ABIType type, object? value) => (type, value) switch
    {
        (AddressType, string text) => EthAddress.FromBytes(HexString.DecodeFixed(text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text : "0x" + text, 20)),
        (ArrayType array, System.Collections.IEnumerable items) when value is not string and not byte[] =>
            items.Cast<object?>().Select(item => Normalize(array.ElementType, item)).ToArray(),
        (TupleType, List<ParameterOutput> components) => Normalize(components),
        _ => value,
    };
}
