using System.Numerics;
using Commerce.Chain.Contracts;
using Commerce.Chain.Crypto;
using Commerce.Chain.JsonRpc;
using Commerce.Chain.Transactions;

namespace Commerce.Host.Embedded;

/// <summary>
/// An <see cref="IContractSender"/> for one dev key that lets many calls wait for their blocks at once: the nonce is
/// taken and the transaction sent under a lock, the receipt is awaited outside it (with 1 s blocks, N faucet mints
/// take about one block, not N). Gas is estimated first, so a call that would revert throws and sends nothing.
/// Only for a key nothing else sends from (the dev chain's deployer).
/// </summary>
public sealed class PipelinedSender(EthClient eth, EthPrivateKey key, ulong chainId) : IContractSender
{
    private readonly SemaphoreSlim _sending = new(1, 1);
    private ulong? _nextNonce;

    public EthAddress From => key.Address;

    public async Task<RpcReceipt> SendAsync(ContractCall call, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        ulong gas;
        try
        {
            gas = await eth.EstimateGasAsync(new CallRequest { From = From, To = call.To, Data = call.Data, Value = call.Value }, ct).ConfigureAwait(false);
        }
        catch (JsonRpcException e) when (ContractRevertException.FromRpc(call.Description, e, call.Errors) is { } revert)
        {
            throw revert;
        }
        var latest = await eth.GetBlockByNumberAsync(BlockTag.Latest, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException("the node returned no latest block");
        var tip = await eth.GetMaxPriorityFeePerGasAsync(ct).ConfigureAwait(false);
        var baseFee = latest.BaseFeePerGas ?? BigInteger.Zero;

        string hash;
        await _sending.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var nonce = _nextNonce ?? await eth.GetTransactionCountAsync(From, BlockTag.Pending, ct).ConfigureAwait(false);
            var transaction = new Eip1559Transaction
            {
                ChainId = chainId,
                Nonce = nonce,
                MaxPriorityFeePerGas = tip,
                MaxFeePerGas = baseFee * 3 + tip,
                GasLimit = gas + gas / 5,
                To = call.To,
                Value = call.Value,
                Data = call.Data,
            };
            try
            {
                hash = await eth.SendRawTransactionAsync(transaction.SignWith(key), ct).ConfigureAwait(false);
                _nextNonce = nonce + 1;
            }
            catch
            {
                _nextNonce = null; // ask the node again next time
                throw;
            }
        }
        finally
        {
            _sending.Release();
        }
        var receipt = await eth.WaitForReceiptAsync(hash, TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(100), ct).ConfigureAwait(false);
        return receipt.Succeeded ? receipt : throw new ContractRevertException(call.Description, null, receipt);
    }
}
