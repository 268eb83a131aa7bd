using Commerce.Chain.JsonRpc;
using Commerce.Execution.Storage;

namespace Commerce.Execution.Executor.Tracking;

/// <summary>
/// Finds by receipt which of some commands' attempts were mined (after a fresh start, or for a nonce
/// the chain has used without the scan seeing ours), and records them as mined with their outcome.
/// Receipts are the node's costliest read, so this is for the few the block scan cannot explain.
/// </summary>
internal sealed class ReceiptReader(EthClient eth, OpenCommands open)
{
    public async Task MarkMinedAsync(TrackerPass pass, IReadOnlyCollection<ExecutorCommand> commands, CancellationToken ct)
    {
        var hashes = commands.SelectMany(c => c.Attempts.Select(a => a.Hash)).ToList();
        foreach (var part in hashes.Chunk(RpcLimits.BatchSize))
        {
            var batch = eth.Rpc.CreateBatch();
            var calls = part.Select(h => (Hash: h, Receipt: batch.Add(EthRpc.GetTransactionReceipt(h)))).ToList();
            await batch.SendAsync(ct);
            foreach (var (hash, call) in calls)
            {
                if (await call is { } receipt && open.TryGetByHash(hash, out var command))
                    Transitions.Mined(pass, command, receipt.TransactionHash, receipt.BlockNumber, receipt.BlockHash, receipt.Succeeded);
            }
        }
    }
}
