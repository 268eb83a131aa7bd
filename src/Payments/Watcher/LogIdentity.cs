using System.Globalization;

namespace Commerce.Payments.Watcher;

/// <summary>One log in one block: the same transaction re-included in another block is another log.</summary>
public static class LogIdentity
{
    public static string Of(string transactionHash, int logIndex, string blockHash) =>
        string.Create(CultureInfo.InvariantCulture, $"{transactionHash.ToLowerInvariant()}:{logIndex}:{blockHash.ToLowerInvariant()}");
}
