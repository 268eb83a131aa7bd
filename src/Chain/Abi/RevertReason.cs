using System.Numerics;
using Commerce.Chain.Hex;

namespace Commerce.Chain.Abi;

/// <summary>
/// Why a call reverted, decoded from its revert data: Error(string), Panic(uint256) with the
/// meaning of its code, or one of the custom errors the caller knows about.
/// </summary>
public sealed record RevertReason
{
    private static readonly AbiError ErrorString = AbiError.Parse("Error(string message)");
    private static readonly AbiError PanicCode = AbiError.Parse("Panic(uint256 code)");

    public required RevertKind Kind { get; init; }

    /// <summary>The text of Error(string).</summary>
    public string? Message { get; init; }

    /// <summary>The code of Panic(uint256).</summary>
    public BigInteger? Panic { get; init; }

    /// <summary>The matched custom error.</summary>
    public AbiError? CustomError { get; init; }

    /// <summary>Arguments of the custom error, in declaration order.</summary>
    public IReadOnlyList<object?> Arguments { get; init; } = [];

    public required byte[] Data { get; init; }

    public static RevertReason Decode(ReadOnlySpan<byte> data, IEnumerable<AbiError>? customErrors = null)
    {
        var copy = data.ToArray();
        if (data.IsEmpty)
            return new RevertReason { Kind = RevertKind.Empty, Data = copy };
        if (data.Length >= 4)
        {
            try
            {
                if (data[..4].SequenceEqual(ErrorString.Selector))
                    return new RevertReason { Kind = RevertKind.Error, Message = (string)ErrorString.DecodeArguments(data)[0]!, Data = copy };
                if (data[..4].SequenceEqual(PanicCode.Selector))
                    return new RevertReason { Kind = RevertKind.Panic, Panic = (BigInteger)PanicCode.DecodeArguments(data)[0]!, Data = copy };
                foreach (var error in customErrors ?? [])
                {
                    if (data[..4].SequenceEqual(error.Selector))
                        return new RevertReason { Kind = RevertKind.Custom, CustomError = error, Arguments = error.DecodeArguments(data), Data = copy };
                }
            }
            catch (AbiException)
            {
                // A matching selector with malformed arguments: report it as unknown data.
            }
        }
        return new RevertReason { Kind = RevertKind.Unknown, Data = copy };
    }

    public static RevertReason Decode(string dataHex, IEnumerable<AbiError>? customErrors = null) =>
        Decode(HexString.Decode(dataHex, "revertData"), customErrors);

    /// <summary>What Solidity's panic codes mean.</summary>
    public static string DescribePanic(BigInteger code) => (int)(code > 0xff ? -1 : code) switch
    {
        0x00 => "generic compiler panic",
        0x01 => "assertion failed",
        0x11 => "arithmetic overflow or underflow",
        0x12 => "division or modulo by zero",
        0x21 => "conversion to an invalid enum value",
        0x22 => "incorrectly encoded storage byte array",
        0x31 => "pop() on an empty array",
        0x32 => "array index out of bounds",
        0x41 => "too much memory allocated",
        0x51 => "call to a zero-initialized internal function",
        _ => "unknown panic code",
    };

    public override string ToString() => Kind switch
    {
        RevertKind.Empty => "reverted without a reason",
        RevertKind.Error => $"reverted: {Message}",
        RevertKind.Panic => $"panic 0x{Panic!.Value:x2}: {DescribePanic(Panic.Value)}",
        RevertKind.Custom => $"{CustomError!.Name}({string.Join(", ", Arguments.Select(FormatArgument))})",
        _ => $"reverted with unrecognised data {HexString.Encode(Data)}",
    };

    private static string FormatArgument(object? value) => value switch
    {
        byte[] bytes => HexString.Encode(bytes),
        object?[] list => "[" + string.Join(", ", list.Select(FormatArgument)) + "]",
        null => "null",
        _ => value.ToString() ?? "",
    };
}
