using System.Numerics;
using Commerce.Execution.Gas;
using Commerce.Execution.Storage;

namespace Commerce.Execution.Executor.Tracking;

/// <summary>
/// When a command is stuck and what replaces it (pure: no node, no store). A stuck attempt gets its
/// fees raised by at least the bump, within the command's ceiling; with no room left, or when the
/// latest attempt is already a no-op, the nonce is taken by a no-op under the cancel ceiling.
/// </summary>
internal static class ReplacementPolicy
{
    /// <summary>Not mined (pending or submitted) and its latest attempt is at least <paramref name="stuckAfter"/> old.</summary>
    public static bool IsStuck(ExecutorCommand command, DateTimeOffset now, TimeSpan stuckAfter) =>
        command.Status is CommandStatus.Pending or CommandStatus.Submitted && now - command.Latest.CreatedAt >= stuckAfter;

    public static Replacement ForStuck(ExecutorCommand command, FeeQuote quote, int bumpPercent)
    {
        var latest = command.Latest;
        if (!latest.IsCancel && FeePolicy.Bump(FeesOf(latest), quote, command.FeeCeiling, bumpPercent) is { } bumped)
            return new Replacement.FeeBump(bumped);
        return new Replacement.NoOp(latest.IsCancel ? command.Reason ?? "cancelled" : $"fee ceiling of {command.FeeCeiling} wei per gas reached");
    }

    /// <summary>The fees of a no-op that replaces the latest attempt, or null when they would pass <paramref name="cancelCeiling"/>.</summary>
    public static Fees? NoOpFees(ExecutorCommand command, FeeQuote quote, BigInteger cancelCeiling, int bumpPercent) =>
        FeePolicy.Bump(FeesOf(command.Latest), quote, cancelCeiling, bumpPercent);

    private static Fees FeesOf(TransactionAttempt attempt) => new(attempt.MaxFeePerGas, attempt.MaxPriorityFeePerGas);
}
