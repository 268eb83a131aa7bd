using System.Globalization;
using System.Numerics;
using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;
using Commerce.Events.Chain;

namespace Commerce.Execution.Executor;

/// <summary>Checks a command's fields; an error names the field at fault.</summary>
public static class CommandValidation
{
    public static readonly BigInteger MaxUInt256 = BigInteger.Pow(2, 256) - 1;

    public sealed record Parsed(EthAddress To, BigInteger Value, byte[] Data, BigInteger? Ceiling);

    /// <summary>The parsed fields, or the first error ("field: what is wrong").</summary>
    public static (Parsed? Command, string? Error) Parse(ChainCommandRequested command)
    {
        if (string.IsNullOrWhiteSpace(command.CommandId) || command.CommandId.Length > 200)
            return (null, "commandId: must be 1 to 200 characters");
        if (string.IsNullOrWhiteSpace(command.Kind))
            return (null, "kind: is required");
        if (!EthAddress.TryParse(command.To, out var to))
            return (null, $"to: \"{command.To}\" is not a 0x address of 20 bytes");
        if (!TryWei(command.ValueWei, out var value))
            return (null, $"valueWei: \"{command.ValueWei}\" is not a whole number of wei below 2^256");
        byte[] data;
        try
        {
            data = string.IsNullOrEmpty(command.Data) ? [] : HexString.Decode(command.Data, "data");
        }
        catch (HexFormatException e)
        {
            return (null, e.Message);
        }
        if (command.GasLimit > 30_000_000)
            return (null, $"gasLimit: {command.GasLimit} is above 30,000,000");
        if (command.GasLimit is > 0 and < 21_000)
            return (null, $"gasLimit: {command.GasLimit} is below the 21,000 every transaction costs");
        BigInteger? ceiling = null;
        if (command.MaxFeeCeilingWei is { } text)
        {
            if (!TryWei(text, out var c) || c.IsZero)
                return (null, $"maxFeeCeilingWei: \"{text}\" is not a positive whole number of wei");
            ceiling = c;
        }
        return (new Parsed(to, value, data, ceiling), null);
    }

    private static bool TryWei(string? text, out BigInteger value) =>
        BigInteger.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value <= MaxUInt256;
}
