using System.Text.Json;
using Commerce.Chain.Crypto;
using Commerce.Chain.JsonRpc;
using Microsoft.Extensions.Logging;

namespace Commerce.Execution.Executor.Tracking;

/// <summary>
/// Observes the chain for the tracker: rewinds <see cref="ScannedBlocks"/> when the last scanned
/// block left the canonical chain, then reads the blocks after it (up to the head, at most
/// <see cref="RpcLimits.BlocksPerPass"/>) in one batch and returns those that extend the scan. A
/// block whose parent does not match ends the scan there; the next pass rewinds.
/// </summary>
internal sealed partial class BlockScanner(EthClient eth, ScannedBlocks blocks, EthAddress sender, ILogger logger)
{
    public async Task RewindOnReorgAsync(CancellationToken ct)
    {
        var dropped = await blocks.RewindAsync(async number => (await eth.GetBlockByNumberAsync(number, ct))?.Hash);
        foreach (var block in dropped)
            LogReorgDetected(sender.ToString(), block.Number, block.Known, block.Canonical ?? "none");
    }

    public async Task<IReadOnlyList<ScannedBlock>> ScanAsync(ulong head, CancellationToken ct)
    {
        var from = blocks.Last!.Value + 1;
        if (from > head)
            return [];
        var to = Math.Min(head, from + RpcLimits.BlocksPerPass - 1);
        var batch = eth.Rpc.CreateBatch();
        var calls = new List<(ulong Number, Task<RpcBlock?> Block)>();
        for (var n = from; n <= to; n++)
            calls.Add((n, batch.Add(EthRpc.GetBlockByNumber(n))));
        await batch.SendAsync(ct);
        var scanned = new List<ScannedBlock>();
        foreach (var (number, call) in calls)
        {
            var block = await call;
            if (block?.Hash is null || !blocks.TryAppend(number, block.Hash, block.ParentHash))
                break; // not there yet, or the chain moved under the scan (the next pass rewinds)
            var hashes = block.Transactions
                .Where(tx => tx.ValueKind == JsonValueKind.String)
                .Select(tx => tx.GetString()!)
                .ToList();
            scanned.Add(new ScannedBlock(number, block.Hash, hashes));
        }
        return scanned;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reorg seen by {Sender}: block {Number} was {Known}, is {Canonical}")]
    private partial void LogReorgDetected(string sender, ulong number, string known, string canonical);
}
