using Commerce.Chain.Crypto;

namespace Commerce.Chain.Transactions;

/// <summary><c>transaction.SignWith(key)</c> for any transaction type.</summary>
public static class TransactionSigning
{
    public static SignedTransaction SignWith(this ITransaction transaction, EthPrivateKey key) =>
        SignedTransaction.Sign(transaction, key);
}
