namespace Commerce.Chain.Transactions;

/// <summary>The EIP-2718 envelope type byte (legacy transactions have none).</summary>
public enum TransactionType : byte
{
    Legacy = 0,
    AccessList = 1,
    Eip1559 = 2,
}
