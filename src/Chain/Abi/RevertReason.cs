using System.Numerics;
using Commerce.Chain.Hex;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Commerce.Chain.Abi;

/// <summary>
/// Why a call reverted, decoded from its revert data: Error(string), Panic(uint256) with the
/// meaning of its code, or one of the custom errors the caller knows about (decoded by Nethereum
/// after <see cref="CanonicalWords"/> checked the words).
/// </summary>
public sealed record RevertReason
{
    private static readonly CustomErrors Builtin = new(typeof(ErrorString), typeof(PanicCode));

    public required RevertKind Kind { get; init; }

    /// <summary>The text of Error(string).</summary>
    public string? Message { get; init; }

    /// <summary>The code of Panic(uint256).</summary>
    public BigInteger? Panic { get; init; }

    /// <summary>The matched custom error's name ("QuoteExpired").</summary>
    public string? ErrorName { get; init; }

    /// <summary>The matched custom error as its [Error] type, decoded.</summary>
    public object? Error { get; init; }

    /// <summary>Arguments of the custom error, in declaration order (<see cref="DecodedValues.Normalize"/>d).</summary>
    public IReadOnlyList<object?> Arguments { get; init; } = [];

    public required byte[] Data { get; init; }

    public static RevertReason Decode(ReadOnlySpan<byte> data, CustomErrors? customErrors = null)
    {
        var copy = data.ToArray();
        if (data.IsEmpty)
            return new RevertReason { Kind = RevertKind.Empty, Data = copy };
        if (data.Length >= 4)
        {
            try
            {
                if (Builtin.Find(data[..4]) is var (builtinType, _))
                {
                    var builtin = DecodeAs(builtinType, copy);
                    return builtin is ErrorString text
                        ? new RevertReason { Kind = RevertKind.Error, Message = text.Message, Data = copy }
                        : new RevertReason { Kind = RevertKind.Panic, Panic = ((PanicCode)builtin).Code, Data = copy };
                }
                if (customErrors?.Find(data[..4]) is var (type, abi))
                {
                    return new RevertReason
                    {
                        Kind = RevertKind.Custom,
                        ErrorName = abi.Name,
                        Error = DecodeAs(type, copy),
                        Arguments = DecodedValues.Normalize(new FunctionCallDecoder().DecodeError(abi, HexString.Encode(copy))),
                        Data = copy,
                    };
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A matching selector with malformed arguments (our check or Nethereum's decoder refused them): unknown data.
            }
        }
        return new RevertReason { Kind = RevertKind.Unknown, Data = copy };
    }

    public static RevertReason Decode(string dataHex, CustomErrors? customErrors = null) =>
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
        RevertKind.Custom => $"{ErrorName}({string.Join(", ", Arguments.Select(FormatArgument))})",
        _ => $"reverted with unrecognised data {HexString.Encode(Data)}",
    };

    private static object DecodeAs(Type type, byte[] data)
    {
        var (_, abi, _) = CustomErrors.Describe(type);
        CanonicalWords.Check(abi.InputParameters, data.AsSpan(4), abi.Name);
        return new FunctionCallDecoder().DecodeError(type, HexString.Encode(data.AsSpan(4)));
    }

    private static string FormatArgument(object? value) => value switch
    {
        byte[] bytes => HexString.Encode(bytes),
        object?[] list => "[" + string.Join(", ", list.Select(FormatArgument)) + "]",
        null => "null",
        _ => value.ToString() ?? "",
    };

    [Error("Error")]
    private sealed class ErrorString : IErrorDTO
    {
        [Parameter("string", "message", 1)]
        public string Message { get; set; } = "";
    }

    [Error("Panic")]
    private sealed class PanicCode : IErrorDTO
    {
        [Parameter("uint256", "code", 1)]
        public BigInteger Code { get; set; }
    }
}
