using Commerce.Chain.Crypto;
using Commerce.Chain.JsonRpc;
using Commerce.Execution.Storage;
using Microsoft.Extensions.Logging;

namespace Commerce.Execution.Executor.Tracking;

/// <summary>
/// Checks the submitted commands' nonces against the node. A nonce below the mined count that the
/// scan did not see ours take is looked up by receipt; still unexplained twice in a row, another
/// signer used it and the command fails. A nonce at or above the node's pending count is missing
/// from its pool (a gap): its bytes are re-sent, and it is filled with a no-op when the node refuses
/// them, or takes and drops them.
/// </summary>
internal sealed partial class GapFiller(
    EthClient eth,
    EthAddress sender,
    OpenCommands open,
    ScannedBlocks blocks,
    ReceiptReader receipts,
    TransactionSender transactions,
    Replacer replacer,
    ExecutorMetrics metrics,
    ILogger logger)
{
    private readonly NonceSuspects _suspects = new();
    private readonly GapResends _resends = new();

    public async Task CheckAsync(TrackerPass pass, ulong head, CancellationToken ct)
    {
        var unmined = open.All.Select(pass.Current).Where(c => c.Status is CommandStatus.Submitted).ToList();
        if (unmined.Count == 0)
        {
            _suspects.Clear();
            return;
        }
        var counts = await ReadCountsAsync(ct);
        await FailNoncesTakenElsewhereAsync(pass, unmined.Where(c => c.Nonce < counts.UsedBelow).ToList(), ct);

        var missing = unmined.Where(c => c.Nonce >= counts.Pending && c.Nonce >= counts.Latest).Select(pass.Current)
            .Where(c => c.Status == CommandStatus.Submitted).ToList();
        _resends.Forget(counts.Pending, missing.Select(c => c.Nonce!.Value).ToList());
        if (missing.Count == 0)
            return;
        LogGap(sender.ToString(), counts.Pending, missing[0].Nonce!.Value, missing.Count);
        if (_resends.Decide(missing[0].Nonce!.Value, counts.Pending, head) == GapAction.FillFirstWithNoOp)
        {
            await replacer.CancelAsync(pass, missing[0], "the node drops this transaction without mining it", ct);
            missing.RemoveAt(0);
        }
        var results = await transactions.SendAsync(missing.Select(c => c.Latest.Raw).ToList(), ct);
        metrics.AddResent(missing.Count);
        for (var i = 0; i < missing.Count; i++)
        {
            if (results[i].Outcome == SendOutcome.Rejected)
                await replacer.CancelAsync(pass, missing[i], $"rejected by the node: {results[i].Message}", ct);
        }
    }

    /// <summary>
    /// The sender's mined and pending counts; used nonces are judged at the last scanned block (ours
    /// mined up to there were found by the scan, so only the unexplained ones cost a receipt read).
    /// </summary>
    private async Task<(ulong Latest, ulong Pending, ulong UsedBelow)> ReadCountsAsync(CancellationToken ct)
    {
        var batch = eth.Rpc.CreateBatch();
        var latestCall = batch.Add(EthRpc.GetTransactionCount(sender, BlockTag.Latest));
        var pendingCall = batch.Add(EthRpc.GetTransactionCount(sender, BlockTag.Pending));
        var scannedCall = blocks.Last is { } scanned ? batch.Add(EthRpc.GetTransactionCount(sender, BlockTag.Number(scanned))) : null;
        await batch.SendAsync(ct);
        var latest = await latestCall;
        var pending = await pendingCall;
        return (latest, pending, scannedCall is null ? latest : Math.Min(latest, await scannedCall));
    }

    private async Task FailNoncesTakenElsewhereAsync(TrackerPass pass, IReadOnlyList<ExecutorCommand> used, CancellationToken ct)
    {
        if (used.Count == 0)
        {
            _suspects.Clear();
            return;
        }
        await receipts.MarkMinedAsync(pass, used, ct);
        foreach (var command in used.Select(pass.Current).Where(c => c.Status != CommandStatus.Mined))
        {
            if (_suspects.SuspectAgain(command.Nonce!.Value))
                Transitions.NonceTaken(pass, command);
        }
    }

    /// <summary>Forgets what earlier checks suspected (the tracker starts over).</summary>
    public void Reset()
    {
        _suspects.Clear();
        _resends.Clear();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Nonce gap for {Sender}: the node's pending count is {Pending}, our lowest unmined nonce {Lowest}; re-sending {Count}")]
    private partial void LogGap(string sender, ulong pending, ulong lowest, int count);
}
