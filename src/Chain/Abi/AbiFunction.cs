using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;

namespace Commerce.Chain.Abi;

/// <summary>
/// A contract function: its selector (first 4 bytes of keccak256 of the canonical signature),
/// call-data encoding and output decoding. Parse it from Solidity-like text:
/// <c>AbiFunction.Parse("function transfer(address to, uint256 amount) returns (bool)")</c>.
/// </summary>
public sealed class AbiFunction
{
    public AbiFunction(string name, IReadOnlyList<AbiParameter> inputs, IReadOnlyList<AbiParameter>? outputs = null)
    {
        Name = name;
        Inputs = inputs;
        Outputs = outputs ?? [];
        Signature = $"{name}({string.Join(",", inputs.Select(p => p.Type.CanonicalName))})";
        Selector = Keccak256.HashUtf8(Signature)[..4];
    }

    public string Name { get; }

    public IReadOnlyList<AbiParameter> Inputs { get; }

    public IReadOnlyList<AbiParameter> Outputs { get; }

    /// <summary>The canonical signature, e.g. "transfer(address,uint256)".</summary>
    public string Signature { get; }

    /// <summary>4 bytes.</summary>
    public byte[] Selector { get; }

    public string SelectorHex => HexString.Encode(Selector);

    public static AbiFunction Parse(string declaration)
    {
        var (name, inputs, outputs, _) = AbiSignatureParser.ParseDeclaration(declaration, "function");
        return new AbiFunction(name, inputs, outputs);
    }

    /// <summary>Call data: the selector followed by the encoded arguments.</summary>
    public byte[] EncodeCall(params object?[] arguments) => [.. Selector, .. AbiEncoder.Encode(Inputs, arguments)];

    /// <summary>Decodes call data (selector included) back into the arguments.</summary>
    public object?[] DecodeCall(ReadOnlySpan<byte> callData)
    {
        if (callData.Length < 4 || !callData[..4].SequenceEqual(Selector))
            throw new AbiException("callData", $"does not start with the selector {SelectorHex} of {Signature}");
        return AbiDecoder.Decode(Inputs, callData[4..]);
    }

    public object?[] DecodeOutput(ReadOnlySpan<byte> returnData) => AbiDecoder.Decode(Outputs, returnData);

    public override string ToString() => Signature;
}
