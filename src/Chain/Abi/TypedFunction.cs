using Commerce.Chain.Hex;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.ABI.Model;

namespace Commerce.Chain.Abi;

/// <summary>
/// A function as a Nethereum <c>[Function]</c> message type: its ABI and strict decoding of what it returns
/// (<see cref="CanonicalWords"/> first, then Nethereum's decoder). Encode calls with Nethereum's
/// <c>message.GetCallData()</c>.
/// </summary>
public static class TypedFunction<TFunction>
{
    public static FunctionABI Abi { get; } = new AttributesToABIExtractor().ExtractFunctionABI(typeof(TFunction));

    /// <summary>The function's single return value as <typeparamref name="T"/> (BigInteger, bool, string, byte[]; an address is a string).</summary>
    public static T DecodeSingle<T>(ReadOnlySpan<byte> returnData)
    {
        if (Abi.OutputParameters is not { Length: 1 } outputs)
            throw new InvalidOperationException($"{Abi.Signature} does not return exactly one value");
        CanonicalWords.Check(outputs, returnData, Abi.Name);
        return new FunctionCallDecoder().DecodeSimpleTypeOutput<T>(outputs[0], HexString.Encode(returnData));
    }

    /// <summary>The function's return values as its [FunctionOutput] type.</summary>
    public static TOutput DecodeOutput<TOutput>(ReadOnlySpan<byte> returnData) where TOutput : IFunctionOutputDTO, new()
    {
        CanonicalWords.Check(Abi.OutputParameters ?? [], returnData, Abi.Name);
        return new FunctionCallDecoder().DecodeFunctionOutput<TOutput>(HexString.Encode(returnData));
    }
}
