using Commerce.Execution.Storage;

namespace Commerce.Execution.Executor.Tracking;

/// <summary>
/// Sends every pending command's latest attempt (the bytes committed before the first send) and
/// records the answers: taken -> submitted; try later -> stays pending with the node's message;
/// never -> the nonce is filled with a no-op. Tells the burst gauge how many the node took.
/// </summary>
internal sealed class PendingSender(OpenCommands open, TransactionSender sender, Replacer replacer, PassCommitter committer, BurstGauge burst, LifecycleEvents events, TimeProvider clock)
{
    public async Task SendAsync(CancellationToken ct)
    {
        var pending = open.All.Where(c => c.Status == CommandStatus.Pending).ToList();
        if (pending.Count == 0)
            return;
        var results = await sender.SendAsync(pending.Select(c => c.Latest.Raw).ToList(), ct);
        var pass = new TrackerPass(clock.GetUtcNow(), events);
        for (var i = 0; i < pending.Count; i++)
        {
            var (outcome, message) = results[i];
            switch (outcome)
            {
                case SendOutcome.Accepted:
                    Transitions.Submitted(pass, pending[i]);
                    break;
                case SendOutcome.Deferred:
                    Transitions.Deferred(pass, pending[i], message);
                    break;
                case SendOutcome.Rejected:
                    await replacer.CancelAsync(pass, pending[i], $"rejected by the node: {message}", ct);
                    break;
            }
        }
        await committer.CommitAsync(pass, ct);
        // Only what the node took counts towards a burst (commands deferred pass after pass do not).
        burst.Sent(results.Count(r => r.Outcome == SendOutcome.Accepted));
    }
}
