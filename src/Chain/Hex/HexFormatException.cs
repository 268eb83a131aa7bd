namespace Commerce.Chain.Hex;

/// <summary>Bad hex input. <see cref="Field"/> names the value at fault.</summary>
public sealed class HexFormatException(string field, string message)
    : FormatException($"{field}: {message}")
{
    public string Field { get; } = field;
}
