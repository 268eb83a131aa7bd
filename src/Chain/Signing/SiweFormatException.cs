namespace Commerce.Chain.Signing;

/// <summary>A Sign-In with Ethereum message that does not follow EIP-4361. <see cref="Field"/> names the field at fault.</summary>
public sealed class SiweFormatException(string field, string message) : FormatException($"{field}: {message}")
{
    public string Field { get; } = field;
}
