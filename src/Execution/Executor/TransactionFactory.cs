using Commerce.Chain.Crypto;
using Commerce.Chain.Transactions;
using Commerce.Execution.Gas;
using Commerce.Execution.Keys;
using Commerce.Execution.Storage;

namespace Commerce.Execution.Executor;

/// <summary>
/// Signs a command's transaction (EIP-1559) or a cancelling no-op for its nonce: Nethereum encodes and
/// hashes it, the hot wallet's key signs through <see cref="Secp256k1ExternalSigner"/> (libsecp256k1).
/// </summary>
public sealed class TransactionFactory(HotWallet wallet, ulong chainId, TimeProvider clock)
{
    private readonly Secp256k1ExternalSigner _signer = new(wallet.Key);

    /// <summary>Gas of a plain transfer with no data: what a no-op self-transfer costs.</summary>
    public const ulong TransferGas = 21_000;

    public EthAddress Sender => wallet.Address;

    public TransactionAttempt Sign(ExecutorCommand command, ulong nonce, Fees fees, int number) => Build(new Eip1559Transaction
    {
        ChainId = chainId,
        Nonce = nonce,
        MaxFeePerGas = fees.MaxFeePerGas,
        MaxPriorityFeePerGas = fees.MaxPriorityFeePerGas,
        GasLimit = command.GasLimit,
        To = command.To,
        Value = command.Value,
        Data = command.Data,
    }, number, isCancel: false);

    /// <summary>A 0-value transfer to the sender itself: it only uses up the nonce.</summary>
    public TransactionAttempt SignNoOp(ulong nonce, Fees fees, int number) => Build(new Eip1559Transaction
    {
        ChainId = chainId,
        Nonce = nonce,
        MaxFeePerGas = fees.MaxFeePerGas,
        MaxPriorityFeePerGas = fees.MaxPriorityFeePerGas,
        GasLimit = TransferGas,
        To = wallet.Address,
    }, number, isCancel: true);

    private TransactionAttempt Build(Eip1559Transaction transaction, int number, bool isCancel)
    {
        var signed = SignedTransaction.Sign(transaction, _signer);
        return new TransactionAttempt(number, signed.Hash, signed.Raw, transaction.MaxFeePerGas, transaction.MaxPriorityFeePerGas, isCancel, clock.GetUtcNow());
    }
}
