using System.Numerics;
using Commerce.Chain.Crypto;
using Commerce.Chain.Transactions;

namespace Commerce.Chain.JsonRpc;

/// <summary>Typed eth_ methods over a <see cref="JsonRpcClient"/>; for several at once use <see cref="JsonRpcClient.CreateBatch"/> with <see cref="EthRpc"/>.</summary>
public sealed class EthClient(JsonRpcClient rpc)
{
    public JsonRpcClient Rpc { get; } = rpc ?? throw new ArgumentNullException(nameof(rpc));

    public Task<ulong> GetChainIdAsync(CancellationToken ct = default) => Rpc.SendAsync(EthRpc.ChainId(), ct);

    public Task<ulong> GetBlockNumberAsync(CancellationToken ct = default) => Rpc.SendAsync(EthRpc.BlockNumber(), ct);

    public Task<BigInteger> GetBalanceAsync(EthAddress address, BlockTag? block = null, CancellationToken ct = default) =>
        Rpc.SendAsync(EthRpc.GetBalance(address, block), ct);

    public Task<ulong> GetTransactionCountAsync(EthAddress address, BlockTag? block = null, CancellationToken ct = default) =>
        Rpc.SendAsync(EthRpc.GetTransactionCount(address, block), ct);

    public Task<string> SendRawTransactionAsync(SignedTransaction transaction, CancellationToken ct = default) =>
        Rpc.SendAsync(EthRpc.SendRawTransaction(transaction.Raw), ct);

    public Task<string> SendRawTransactionAsync(byte[] raw, CancellationToken ct = default) =>
        Rpc.SendAsync(EthRpc.SendRawTransaction(raw), ct);

    public Task<RpcReceipt?> GetTransactionReceiptAsync(string transactionHash, CancellationToken ct = default) =>
        Rpc.SendAsync(EthRpc.GetTransactionReceipt(transactionHash), ct);

    public Task<RpcTransaction?> GetTransactionByHashAsync(string transactionHash, CancellationToken ct = default) =>
        Rpc.SendAsync(EthRpc.GetTransactionByHash(transactionHash), ct);

    public Task<RpcBlock?> GetBlockByNumberAsync(BlockTag block, CancellationToken ct = default) =>
        Rpc.SendAsync(EthRpc.GetBlockByNumber(block), ct);

    public Task<byte[]> CallAsync(CallRequest request, BlockTag? block = null, CancellationToken ct = default) =>
        Rpc.SendAsync(EthRpc.Call(request, block), ct);

    public Task<ulong> EstimateGasAsync(CallRequest request, CancellationToken ct = default) =>
        Rpc.SendAsync(EthRpc.EstimateGas(request), ct);

    public Task<FeeHistory> GetFeeHistoryAsync(int blockCount, BlockTag newestBlock, IReadOnlyList<double>? rewardPercentiles = null, CancellationToken ct = default) =>
        Rpc.SendAsync(EthRpc.FeeHistory(blockCount, newestBlock, rewardPercentiles), ct);

    public Task<BigInteger> GetMaxPriorityFeePerGasAsync(CancellationToken ct = default) =>
        Rpc.SendAsync(EthRpc.MaxPriorityFeePerGas(), ct);

    public Task<IReadOnlyList<RpcLog>> GetLogsAsync(LogFilter filter, CancellationToken ct = default) =>
        Rpc.SendAsync(EthRpc.GetLogs(filter), ct);

    /// <summary>
    /// Polls for the receipt of <paramref name="transactionHash"/> every <paramref name="pollInterval"/>
    /// until it exists or <paramref name="timeout"/> passes (then throws TimeoutException naming the hash).
    /// </summary>
    public async Task<RpcReceipt> WaitForReceiptAsync(string transactionHash, TimeSpan timeout, TimeSpan? pollInterval = null, CancellationToken ct = default)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        using var timer = new PeriodicTimer(pollInterval ?? TimeSpan.FromMilliseconds(250));
        while (true)
        {
            if (await GetTransactionReceiptAsync(transactionHash, ct).ConfigureAwait(false) is { } receipt)
                return receipt;
            if (DateTimeOffset.UtcNow >= deadline)
                throw new TimeoutException($"no receipt for transaction {transactionHash} within {timeout}");
            await timer.WaitForNextTickAsync(ct).ConfigureAwait(false);
        }
    }
}
