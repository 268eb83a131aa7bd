namespace Commerce.Payments.Deposits;

/// <summary>One transaction in one block: the same transaction re-included in another block is another deposit report.</summary>
public static class DepositIdentity
{
    public static string Of(string transactionHash, string blockHash) => $"{transactionHash.ToLowerInvariant()}:{blockHash.ToLowerInvariant()}";
}
