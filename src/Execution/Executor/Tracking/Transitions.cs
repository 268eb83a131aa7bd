using Commerce.Events.Chain;
using Commerce.Execution.Storage;

namespace Commerce.Execution.Executor.Tracking;

/// <summary>
/// Every move of a command's status the tracker makes, each with its lifecycle event and metric, in
/// one place: Pending -> Submitted -> Mined -> Confirmed or Failed; Mined -> Submitted on a reorg;
/// Pending or Submitted -> Pending again with a new attempt (fee bump or no-op cancellation).
/// </summary>
internal static class Transitions
{
    /// <summary>The node took the latest attempt; the first attempt's acceptance is reported.</summary>
    public static void Submitted(TrackerPass pass, ExecutorCommand command)
    {
        pass.Change(command with { Status = CommandStatus.Submitted, LastSentAt = pass.Now, LastError = null });
        if (command.Attempts.Count == 1)
        {
            pass.Emit(pass.Events.Create(command, ChainTransactionUpdated.Submitted, pass.Now));
            pass.Count(m => m.AddSubmitted(1));
        }
    }

    /// <summary>The node could not take it now; the reason is kept (once) for operators.</summary>
    public static void Deferred(TrackerPass pass, ExecutorCommand command, string? message)
    {
        if (command.LastError != message)
            pass.Change(command with { LastError = message });
    }

    /// <summary>One of its attempts is in block <paramref name="blockNumber"/>; a command already mined is left alone.</summary>
    public static void Mined(TrackerPass pass, ExecutorCommand command, string hash, ulong blockNumber, string blockHash, bool? succeeded)
    {
        var current = pass.Current(command);
        if (current.Status == CommandStatus.Mined || current.AttemptByHash(hash) is not { } attempt)
            return;
        var mined = current with
        {
            Status = CommandStatus.Mined,
            MinedHash = attempt.Hash,
            BlockNumber = blockNumber,
            BlockHash = blockHash,
            Succeeded = succeeded,
        };
        pass.Change(mined);
        pass.Emit(pass.Events.Create(mined, ChainTransactionUpdated.Mined, pass.Now, attempt));
        pass.Count(m => m.AddMined(1));
    }

    /// <summary>Its block left the canonical chain: back to submitted (its bytes are sent again).</summary>
    public static void Reorged(TrackerPass pass, ExecutorCommand command)
    {
        var height = command.BlockNumber!.Value;
        var back = command with { Status = CommandStatus.Submitted, MinedHash = null, BlockNumber = null, BlockHash = null, Succeeded = null, LastSentAt = pass.Now };
        pass.Change(back);
        pass.Emit(pass.Events.Create(command, ChainTransactionUpdated.Reorged, pass.Now, command.AttemptByHash(command.MinedHash!),
            reason: $"block {height} {command.BlockHash} is no longer canonical; re-submitted"));
        pass.Count(m => m.AddReorged(1));
    }

    /// <summary>
    /// Deep enough on a canonical block, with its outcome known: confirmed, or failed when it
    /// reverted or the mined attempt was a no-op cancellation.
    /// </summary>
    public static void Final(TrackerPass pass, ExecutorCommand command)
    {
        var attempt = command.AttemptByHash(command.MinedHash!);
        string? reason = attempt?.IsCancel == true
            ? command.Reason ?? "cancelled by a no-op"
            : command.Succeeded == false ? "reverted" : null;
        var final = command with { Status = reason is null ? CommandStatus.Confirmed : CommandStatus.Failed, Reason = reason ?? command.Reason };
        pass.Change(final);
        pass.Emit(pass.Events.Create(final, reason is null ? ChainTransactionUpdated.Confirmed : ChainTransactionUpdated.Failed, pass.Now, attempt, reason: reason));
        if (reason is null)
            pass.Count(m => m.AddConfirmed(1));
        else
            pass.Count(m => m.AddFailed(1));
    }

    /// <summary>Its nonce was used by a transaction this executor did not sign.</summary>
    public static void NonceTaken(TrackerPass pass, ExecutorCommand command)
    {
        var failed = command with { Status = CommandStatus.Failed, Reason = "nonce used by a transaction this executor did not sign" };
        pass.Change(failed);
        pass.Emit(pass.Events.Create(failed, ChainTransactionUpdated.Failed, pass.Now, reason: failed.Reason));
        pass.Count(m => m.AddFailed(1));
    }

    /// <summary>A new attempt at the same nonce replaces the latest one: a fee bump, or a no-op cancellation carrying <paramref name="reason"/>.</summary>
    public static void Replaced(TrackerPass pass, ExecutorCommand command, TransactionAttempt attempt, string report, string? reason = null)
    {
        var replaced = command with { Status = CommandStatus.Pending, Reason = reason ?? command.Reason, Attempts = [.. command.Attempts, attempt] };
        pass.Change(replaced, attempt);
        pass.Emit(pass.Events.Create(replaced, ChainTransactionUpdated.Replaced, pass.Now, attempt, command.Latest.Hash, report));
        pass.Count(m => m.AddReplaced(1));
    }
}
