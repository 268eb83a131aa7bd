using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;

namespace Commerce.Chain.Abi;

/// <summary>A Solidity custom error, e.g. <c>AbiError.Parse("error InsufficientBalance(uint256 available, uint256 required)")</c>. Revert data is its selector followed by its ABI-encoded arguments.</summary>
public sealed class AbiError
{
    public AbiError(string name, IReadOnlyList<AbiParameter> inputs)
    {
        Name = name;
        Inputs = inputs;
        Signature = $"{name}({string.Join(",", inputs.Select(p => p.Type.CanonicalName))})";
        Selector = Keccak256.HashUtf8(Signature)[..4];
    }

    public string Name { get; }

    public IReadOnlyList<AbiParameter> Inputs { get; }

    public string Signature { get; }

    public byte[] Selector { get; }

    public string SelectorHex => HexString.Encode(Selector);

    public static AbiError Parse(string declaration)
    {
        var (name, inputs, _, _) = AbiSignatureParser.ParseDeclaration(declaration, "error");
        return new AbiError(name, inputs);
    }

    public byte[] Encode(params object?[] arguments) => [.. Selector, .. AbiEncoder.Encode(Inputs, arguments)];

    /// <summary>Decodes the arguments of revert data that starts with this error's selector.</summary>
    public object?[] DecodeArguments(ReadOnlySpan<byte> revertData)
    {
        if (revertData.Length < 4 || !revertData[..4].SequenceEqual(Selector))
            throw new AbiException("revertData", $"does not start with the selector {SelectorHex} of {Signature}");
        return AbiDecoder.Decode(Inputs, revertData[4..]);
    }

    public override string ToString() => Signature;
}
