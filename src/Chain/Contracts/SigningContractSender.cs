using System.Numerics;
using Commerce.Chain.Crypto;
using Commerce.Chain.JsonRpc;
using Commerce.Chain.Transactions;

namespace Commerce.Chain.Contracts;

/// <summary>
/// The simplest <see cref="IContractSender"/>: signs EIP-1559 transactions with one key, takes the
/// pending nonce from the node, estimates gas (a revert there throws <see cref="ContractRevertException"/>
/// with the decoded error, and nothing is sent), and waits for the receipt. One call at a time per
/// instance. For tests, tools and the demo; the platform's executor adds durable nonces,
/// replacement of stuck transactions and confirmation depth.
/// </summary>
public sealed class SigningContractSender(EthClient eth, EthPrivateKey key, ulong chainId) : IContractSender
{
    private readonly EthClient _eth = eth ?? throw new ArgumentNullException(nameof(eth));
    private readonly EthPrivateKey _key = key ?? throw new ArgumentNullException(nameof(key));
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public EthAddress From => _key.Address;

    public ulong ChainId { get; } = chainId;

    /// <summary>How long to wait for a receipt.</summary>
    public TimeSpan ReceiptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often to poll for it.</summary>
    public TimeSpan ReceiptPollInterval { get; init; } = TimeSpan.FromMilliseconds(50);

    public async Task<RpcReceipt> SendAsync(ContractCall call, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        await _oneAtATime.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var request = new CallRequest { From = From, To = call.To, Data = call.Data, Value = call.Value };
            ulong gas;
            try
            {
                gas = await _eth.EstimateGasAsync(request, ct).ConfigureAwait(false);
            }
            catch (JsonRpcException e) when (ContractRevertException.FromRpc(call.Description, e, call.Errors) is { } revert)
            {
                throw revert;
            }
            var latest = await _eth.GetBlockByNumberAsync(BlockTag.Latest, ct).ConfigureAwait(false)
                ?? throw new InvalidOperationException("the node returned no latest block");
            var tip = await _eth.GetMaxPriorityFeePerGasAsync(ct).ConfigureAwait(false);
            var baseFee = latest.BaseFeePerGas ?? BigInteger.Zero;
            var transaction = new Eip1559Transaction
            {
                ChainId = ChainId,
                Nonce = await _eth.GetTransactionCountAsync(From, BlockTag.Pending, ct).ConfigureAwait(false),
                MaxPriorityFeePerGas = tip,
                MaxFeePerGas = baseFee * 2 + tip,
                GasLimit = gas + gas / 5,
                To = call.To,
                Value = call.Value,
                Data = call.Data,
            };
            var hash = await _eth.SendRawTransactionAsync(transaction.SignWith(_key), ct).ConfigureAwait(false);
            var receipt = await _eth.WaitForReceiptAsync(hash, ReceiptTimeout, ReceiptPollInterval, ct).ConfigureAwait(false);
            return receipt.Succeeded ? receipt : throw new ContractRevertException(call.Description, null, receipt);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }
}
