using Commerce.Execution.Gas;
using Commerce.Execution.Storage;
using Microsoft.Extensions.Logging;

namespace Commerce.Execution.Executor.Tracking;

/// <summary>
/// Signs the replacements of a nonce: fee bumps for stuck commands, and no-op cancellations (at the
/// fee ceiling, for bytes the node refuses or drops, or on an operator's request). The new attempt
/// is recorded in the pass; the pending sender sends it.
/// </summary>
internal sealed partial class Replacer(GasOracle oracle, TransactionFactory factory, ExecutorOptions options, ILogger logger)
{
    /// <summary>Replaces every open command whose latest attempt is older than StuckAfter.</summary>
    public async Task ReplaceStuckAsync(TrackerPass pass, IEnumerable<ExecutorCommand> open, CancellationToken ct)
    {
        var stuck = open.Select(pass.Current).Where(c => ReplacementPolicy.IsStuck(c, pass.Now, options.StuckAfter)).ToList();
        if (stuck.Count == 0)
            return;
        oracle.Invalidate();
        var quote = await oracle.GetAsync(ct);
        foreach (var command in stuck)
        {
            switch (ReplacementPolicy.ForStuck(command, quote, options.FeeBumpPercent))
            {
                case Replacement.FeeBump bump:
                    var attempt = factory.Sign(command, command.Nonce!.Value, bump.Fees, command.Latest.Number + 1);
                    Transitions.Replaced(pass, command, attempt, $"not mined after {options.StuckAfter.TotalSeconds:0} s: fees raised");
                    break;
                case Replacement.NoOp noOp:
                    await CancelAsync(pass, command, noOp.Reason, ct, quote);
                    break;
            }
        }
    }

    /// <summary>Replaces the command's transaction with a no-op at the same nonce (fees above the latest attempt, under the cancel ceiling).</summary>
    public async Task CancelAsync(TrackerPass pass, ExecutorCommand command, string reason, CancellationToken ct, FeeQuote? quote = null)
    {
        command = pass.Current(command);
        quote ??= await oracle.GetAsync(ct);
        if (ReplacementPolicy.NoOpFees(command, quote, options.CancelFeeCeiling, options.FeeBumpPercent) is not { } fees)
        {
            var error = $"cannot replace: {reason}, and a cancellation would pass the cancel ceiling of {options.CancelFeeCeiling} wei per gas";
            if (command.LastError != error)
            {
                pass.Change(command with { LastError = error });
                LogCannotCancel(command.CommandId, command.Nonce!.Value, error);
            }
            return;
        }
        var attempt = factory.SignNoOp(command.Nonce!.Value, fees, command.Latest.Number + 1);
        Transitions.Replaced(pass, command, attempt, $"{reason}: cancelling with a no-op", reason);
        LogCancelling(command.CommandId, command.Nonce!.Value, reason);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Command {CommandId} (nonce {Nonce}): {Reason}; cancelling with a no-op")]
    private partial void LogCancelling(string commandId, ulong nonce, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Command {CommandId} (nonce {Nonce}) is stuck: {Error}")]
    private partial void LogCannotCancel(string commandId, ulong nonce, string error);
}
