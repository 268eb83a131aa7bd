namespace Commerce.Chain.Signing;

/// <summary>EIP-712 typed data that is malformed or does not match its types. <see cref="Path"/> names the value, e.g. "message.from.wallet".</summary>
public sealed class TypedDataException(string path, string message) : FormatException($"{path}: {message}")
{
    public string Path { get; } = path;
}
