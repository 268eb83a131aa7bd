namespace Commerce.Execution.Keys;

/// <summary>A keystore that cannot be read, or a wrong password. <see cref="Field"/> names the JSON member at fault.</summary>
public sealed class KeystoreException(string field, string message) : Exception($"{field}: {message}")
{
    public string Field { get; } = field;
}
