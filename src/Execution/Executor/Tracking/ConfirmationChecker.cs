using Commerce.Chain.JsonRpc;
using Commerce.Execution.Storage;
using Microsoft.Extensions.Logging;

namespace Commerce.Execution.Executor.Tracking;

/// <summary>
/// Confirms mined commands. In one pass it reads the canonical block at each mined command's height:
/// a changed hash means the block left the chain (the command goes back to submitted, its bytes are
/// re-sent and the scan restarts below it); otherwise, once the head is ConfirmationDepth - 1 blocks
/// above it, its outcome is read from its receipt (which must name the same block) and it ends
/// confirmed or failed. During a send burst those receipt reads wait.
/// </summary>
internal sealed partial class ConfirmationChecker(EthClient eth, OpenCommands open, ScannedBlocks blocks, ExecutorOptions options, ILogger logger)
{
    /// <summary>Records the pass's confirmations, failures and reorgs; returns the reorged commands (as they were mined) to re-send.</summary>
    public async Task<IReadOnlyList<ExecutorCommand>> CheckAsync(TrackerPass pass, ulong head, SendPace pace, CancellationToken ct)
    {
        var mined = open.All.Select(pass.Current).Where(c => c.Status == CommandStatus.Mined).ToList();
        if (mined.Count == 0)
            return [];
        var canonical = await CanonicalHashesAsync(mined.Select(c => c.BlockNumber!.Value).Distinct(), ct);
        var reorged = new List<ExecutorCommand>();
        var deep = new List<ExecutorCommand>();
        foreach (var command in mined)
        {
            var height = command.BlockNumber!.Value;
            if (!string.Equals(canonical[height], command.BlockHash, StringComparison.OrdinalIgnoreCase))
            {
                Transitions.Reorged(pass, command);
                reorged.Add(command);
                LogReorged(command.CommandId, height, command.BlockHash ?? "");
                blocks.RescanFrom(height);
                continue;
            }
            if (head + 1 >= height + (ulong)options.ConfirmationDepth)
                deep.Add(command);
        }
        foreach (var command in await WithOutcomesAsync(deep, pace, ct))
            Transitions.Final(pass, command);
        return reorged;
    }

    private async Task<Dictionary<ulong, string?>> CanonicalHashesAsync(IEnumerable<ulong> heights, CancellationToken ct)
    {
        var batch = eth.Rpc.CreateBatch();
        var calls = heights.ToDictionary(h => h, h => batch.Add(EthRpc.GetBlockByNumber(h)));
        await batch.SendAsync(ct);
        var canonical = new Dictionary<ulong, string?>();
        foreach (var (height, call) in calls)
            canonical[height] = (await call)?.Hash;
        return canonical;
    }

    /// <summary>
    /// The deep commands whose outcome is known: already, or from a receipt naming the block the command
    /// was seen in (if it names another, the chain moved and the next pass sees it). In a burst only the known.
    /// </summary>
    private async Task<List<ExecutorCommand>> WithOutcomesAsync(List<ExecutorCommand> deep, SendPace pace, CancellationToken ct)
    {
        var unknown = deep.Where(c => c.Succeeded is null).ToList();
        if (unknown.Count == 0 || pace == SendPace.Burst)
            return deep.Where(c => c.Succeeded is not null).ToList();
        var known = new Dictionary<string, bool>();
        foreach (var part in unknown.Chunk(RpcLimits.BatchSize))
        {
            var batch = eth.Rpc.CreateBatch();
            var calls = part.Select(c => (Command: c, Receipt: batch.Add(EthRpc.GetTransactionReceipt(c.MinedHash!)))).ToList();
            await batch.SendAsync(ct);
            foreach (var (command, call) in calls)
            {
                if (await call is { } receipt && string.Equals(receipt.BlockHash, command.BlockHash, StringComparison.OrdinalIgnoreCase))
                    known[command.CommandId] = receipt.Succeeded;
            }
        }
        return deep.Where(c => c.Succeeded is not null || known.ContainsKey(c.CommandId))
            .Select(c => c.Succeeded is null ? c with { Succeeded = known[c.CommandId] } : c)
            .ToList();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Command {CommandId}: block {Number} {Hash} left the canonical chain; re-submitting")]
    private partial void LogReorged(string commandId, ulong number, string hash);
}
