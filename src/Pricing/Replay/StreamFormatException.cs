namespace Commerce.Pricing.Replay;

/// <summary>A recorded stream line that cannot be read; <see cref="Field"/> names the field at fault.</summary>
public sealed class StreamFormatException(int line, string field, string problem)
    : FormatException($"line {line}: {field}: {problem}")
{
    public int Line { get; } = line;

    public string Field { get; } = field;
}
