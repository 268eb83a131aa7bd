namespace Commerce.Chain.Abi;

/// <summary>A value that cannot be ABI-encoded as its type, or data that is not valid ABI for the types asked for. <see cref="Path"/> names the value, e.g. "amount" or "items[2].price".</summary>
public sealed class AbiException(string path, string message) : FormatException($"{path}: {message}")
{
    public string Path { get; } = path;
}
