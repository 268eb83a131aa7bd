using Commerce.Chain.Crypto;
using Commerce.Chain.JsonRpc;
using Microsoft.Extensions.Logging;

namespace Commerce.Execution.Executor.Tracking;

/// <summary>
/// Sends signed transactions to the node in JSON-RPC batches and says, per transaction, whether the
/// node took it, it should be tried later, or it will never be taken. A batch that cannot be
/// delivered defers all of its transactions.
/// </summary>
internal sealed partial class TransactionSender(EthClient eth, EthAddress sender, ILogger logger)
{
    public async Task<IReadOnlyList<SendResult>> SendAsync(IReadOnlyList<byte[]> raws, CancellationToken ct)
    {
        var results = new List<SendResult>(raws.Count);
        foreach (var part in raws.Chunk(RpcLimits.BatchSize))
        {
            var batch = eth.Rpc.CreateBatch();
            var calls = part.Select(raw => batch.Add(EthRpc.SendRawTransaction(raw))).ToList();
            try
            {
                await batch.SendAsync(ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                if (ex is not JsonRpcException)
                    LogSendFailed(sender.ToString(), part.Length, ex.Message);
            }
            foreach (var call in calls)
            {
                try
                {
                    await call;
                    results.Add(new SendResult(SendOutcome.Accepted, null));
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    var message = ex is JsonRpcException rpc ? rpc.RpcMessage : ex.Message;
                    results.Add(new SendResult(SendOutcomes.Classify(ex), message));
                }
            }
        }
        return results;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending {Count} transactions of {Sender} failed ({Reason}); they stay pending")]
    private partial void LogSendFailed(string sender, int count, string reason);
}
