using System.Numerics;
using Commerce.Chain.Crypto;
using Model = Nethereum.Model;

namespace Commerce.Chain.Transactions;

/// <summary>
/// Attaches one of our signatures to a Nethereum transaction with the v its type asks for:
/// EIP-155 legacy chainId * 2 + 35 + yParity, pre-EIP-155 legacy 27 + yParity, typed transactions the yParity.
/// </summary>
internal static class TransactionSignatures
{
    public static void Attach(Model.SignedTransaction transaction, EthSignature signature)
    {
        BigInteger v = transaction switch
        {
            Model.LegacyTransactionChainId legacy => signature.Eip155V(legacy.GetChainIdAsBigInteger()),
            Model.LegacyTransaction => signature.V,
            Model.SignedTypeTransaction => signature.YParity,
            _ => throw new NotSupportedException($"transaction type {transaction.GetType().Name} is not supported"),
        };
        transaction.SetSignature(new Model.Signature(signature.R.ToArray(), signature.S.ToArray(), v.ToByteArray(isUnsigned: true, isBigEndian: true)));
    }
}
