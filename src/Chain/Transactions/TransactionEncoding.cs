using Commerce.Chain.Crypto;

namespace Commerce.Chain.Transactions;

/// <summary>The signed form of a transaction, encoded by Nethereum with a signature given from outside.</summary>
internal static class TransactionEncoding
{
    public static byte[] Signed(ITransaction transaction, EthSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var model = transaction.ToNethereum();
        TransactionSignatures.Attach(model, signature);
        return model.GetRLPEncoded();
    }
}
