using System.Globalization;
using System.Numerics;
using Commerce.Chain.Contracts;
using Commerce.Chain.Contracts.Messages;
using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;
using Commerce.Chain.JsonRpc;
using Commerce.Chain.Transactions;
using Commerce.Sdk;

namespace Commerce.GameSimulator.Wallet;

/// <summary>
/// The player's wallet sending the payment steps the SDK returned, as a real wallet would: each step becomes an
/// EIP-1559 transaction signed with the player's own key, sent to the chain's JSON-RPC URL, one at a time, with the
/// wallet's own nonce counter (read from the node once, then counted; re-read after a failed send). A step that
/// would revert is not sent: the gas estimate reports it with the Checkout's decoded error.
/// </summary>
public sealed class WalletSender(EthClient eth, EthPrivateKey key, ulong chainId)
{
    private static readonly TimeSpan ReceiptTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ReceiptPoll = TimeSpan.FromMilliseconds(200);

    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private ulong? _nextNonce;

    public EthAddress Address => key.Address;

    /// <summary>Signs and sends <paramref name="step"/>, and returns its receipt once mined.</summary>
    /// <exception cref="ContractRevertException">The call would revert, or reverted.</exception>
    public async Task<RpcReceipt> SendAsync(PaymentStep step, CancellationToken cancellationToken)
    {
        var to = EthAddress.Parse(step.To, "step.to");
        var data = HexString.Decode(step.Data, "step.data");
        var value = BigInteger.Parse(step.Value, NumberStyles.None, CultureInfo.InvariantCulture);
        var operation = step.Description ?? $"call to {to}";
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            ulong gas;
            try
            {
                gas = await eth.EstimateGasAsync(new CallRequest { From = Address, To = to, Data = data, Value = value }, cancellationToken);
            }
            catch (JsonRpcException e) when (ContractRevertException.FromRpc(operation, e, CheckoutErrors.All) is { } revert)
            {
                throw revert;
            }

            var latest = await eth.GetBlockByNumberAsync(BlockTag.Latest, cancellationToken)
                ?? throw new InvalidOperationException("the node returned no latest block");
            var tip = await eth.GetMaxPriorityFeePerGasAsync(cancellationToken);
            var nonce = _nextNonce ??= await eth.GetTransactionCountAsync(Address, BlockTag.Pending, cancellationToken);
            var transaction = new Eip1559Transaction
            {
                ChainId = chainId,
                Nonce = nonce,
                MaxPriorityFeePerGas = tip,
                MaxFeePerGas = ((latest.BaseFeePerGas ?? BigInteger.Zero) * 2) + tip,
                GasLimit = gas + (gas / 4),
                To = to,
                Value = value,
                Data = data,
            };
            string hash;
            try
            {
                hash = await eth.SendRawTransactionAsync(transaction.SignWith(key), cancellationToken);
                _nextNonce = nonce + 1;
            }
            catch
            {
                _nextNonce = null;
                throw;
            }

            var receipt = await eth.WaitForReceiptAsync(hash, ReceiptTimeout, ReceiptPoll, cancellationToken);
            return receipt.Succeeded ? receipt : throw new ContractRevertException(operation, null, receipt);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }
}
