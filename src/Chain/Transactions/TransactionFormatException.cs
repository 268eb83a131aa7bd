namespace Commerce.Chain.Transactions;

/// <summary>A transaction field that is missing, out of range or malformed. <see cref="Field"/> names it.</summary>
public sealed class TransactionFormatException(string field, string message) : FormatException($"{field}: {message}")
{
    public string Field { get; } = field;
}
