using System.Numerics;
using Commerce.Actors.Ledger;
using Commerce.Actors.Runtime;
using Commerce.Events.Chain;
using Commerce.Events.Custody;
using Commerce.Events.Topics;
using Microsoft.Extensions.Logging;

namespace Commerce.Actors.Custody;

/// <summary>
/// Withdrawals to the player's own wallet (docs/ORDERS.md, "Withdrawing"): a request within the limits (per withdrawal,
/// per UTC day) and the balance is debited at once and asked of the executor as one plain transfer, kind withdraw,
/// marked under Custody:CommandKey; the same withdrawal id asked again is answered as the first time and debits nothing.
/// The executor's confirmation closes it; a failure (refused, reverted, given up) gives the amount back exactly once. Only
/// the executor's own word counts: an update without its mark under Custody:CommandKey (<see cref="WithdrawalUpdateMac"/>)
/// is logged and changes nothing, so whoever else writes commerce.custody-events cannot give back what was sent.
/// A command lost on its way (the embedded broker forgets its log on restart, the executor was down and its group
/// rewound past it) is asked again every <see cref="WithdrawalRecheck"/> until the executor's first word on it, always
/// with the same command id: the executor skips a command id it knows, so one withdrawal is at most one transaction.
/// </summary>
public sealed partial class CustodyAccountGrain
{
    /// <summary>The executor command id of a withdrawal: one withdrawal id, at most one transaction.</summary>
    public static string WithdrawalCommandId(string wallet, string withdrawalId) => $"{CommandPrefix}{wallet.ToLowerInvariant()}:withdraw:{withdrawalId}";

    /// <summary>Every command a custody account asks for starts with this, then the wallet.</summary>
    public const string CommandPrefix = "custody:";

    /// <summary>The wallet a custody command id names ("custody:0xab..:withdraw:k" names 0xab..), or null.</summary>
    public static string? WalletOf(string? commandId)
    {
        if (commandId is null || !commandId.StartsWith(CommandPrefix, StringComparison.Ordinal))
            return null;
        var rest = commandId[CommandPrefix.Length..];
        var end = rest.IndexOf(':', StringComparison.Ordinal);
        return end > 0 ? rest[..end] : null;
    }

    /// <summary>How long a withdrawal waits for the executor's first word before its command is asked again.</summary>
    public static readonly TimeSpan WithdrawalRecheck = TimeSpan.FromSeconds(30);

    /// <summary>The reminder that asks the executor again for withdrawal <paramref name="withdrawalId"/>.</summary>
    public static string WithdrawalReminder(string withdrawalId) => $"withdrawal:{withdrawalId}";

    public Task<Replies> WithdrawAsync(WithdrawalRequested request) => ReceiveCallAsync(request);

    private IReadOnlyList<CustodyWithdrawal> Withdrawals => State.Withdrawals ?? [];

    private void Withdraw(WithdrawalRequested request)
    {
        if (!IsMine(request.Wallet))
        {
            ChangedNothing();
            Reply(Key, new WithdrawalRefused(request.Wallet, request.WithdrawalId, "wallet", "not this account's wallet"));
            return;
        }
        if (Withdrawals.FirstOrDefault(w => w.WithdrawalId == request.WithdrawalId) is { } known)
        {
            ChangedNothing();
            Reply(Key, Accepted(known));
            return;
        }
        var refusal = WithdrawalRefusal(request, out var amount);
        if (refusal is { } refused)
        {
            // Nothing debited and nothing kept: the same id may be asked again once the balance or the day allows it.
            ChangedNothing();
            Reply(Key, new WithdrawalRefused(Key, request.WithdrawalId, refused.Field, refused.Reason));
            return;
        }
        var at = Current.OccurredAt;
        var commandId = WithdrawalCommandId(Key, request.WithdrawalId);
        var withdrawal = new CustodyWithdrawal(request.WithdrawalId, Text(amount), commandId, WithdrawalStatus.Pending, null, null, at, at);
        State = State with
        {
            Available = Text(Parse(State.Available) - amount),
            Withdrawing = Text(Parse(State.Withdrawing) + amount),
            Withdrawals = TrimWithdrawals([.. Withdrawals, withdrawal]),
            UpdatedAt = at,
        };
        AskExecutor(withdrawal);
        AppendToLedger(new LedgerEntry("custody.withdrawing", Key, EthAsset, Text(amount), Key, $"withdrawal:{request.WithdrawalId}", commandId));
        Reply(Key, Accepted(withdrawal));
    }

    /// <summary>Asks the executor for the withdrawal's transfer (the same command each time) and checks back later.</summary>
    private void AskExecutor(CustodyWithdrawal withdrawal)
    {
        Emit(TopicCatalog.ChainCommands, withdrawal.CommandId,
            MarkedWithdrawal(new ChainCommandRequested(withdrawal.CommandId, ChainCommandKinds.Withdraw, Key, withdrawal.Amount, "0x", 0, null)));
        SetReminder(WithdrawalReminder(withdrawal.WithdrawalId), Current.OccurredAt + WithdrawalRecheck, new WithdrawalRecheckDue(Key, withdrawal.WithdrawalId));
    }

    /// <summary>The recheck: still pending with no word from the executor, so the command is asked again.</summary>
    private void RecheckWithdrawal(WithdrawalRecheckDue due)
    {
        if (Withdrawals.FirstOrDefault(w => w.WithdrawalId == due.WithdrawalId) is not { Status: WithdrawalStatus.Pending, TransactionHash: null } withdrawal)
            return; // the executor answered (or it ended): nothing to ask
        if (string.IsNullOrWhiteSpace(_options.CommandKey))
        {
            // The key went away since it was asked: the command cannot be marked now; checked again later.
            SetReminder(WithdrawalReminder(withdrawal.WithdrawalId), Current.OccurredAt + WithdrawalRecheck, due);
            return;
        }
        AskExecutor(withdrawal);
    }

    private (string Field, string Reason)? WithdrawalRefusal(WithdrawalRequested request, out BigInteger amount)
    {
        amount = BigInteger.Zero;
        if (string.IsNullOrWhiteSpace(_options.CommandKey))
            return ("amount", "withdrawals are not configured on this instance (Custody:CommandKey)");
        if (!TryAmount(request.Amount, out amount) || amount.IsZero)
            return ("amount", $"\"{request.Amount}\" is not a positive whole number of wei");
        var max = Parse(_options.MaxWithdrawalWei);
        if (amount > max)
            return ("amount", $"{Text(amount)} wei is above the {Text(max)} wei one withdrawal may take");
        var day = Current.OccurredAt.UtcDateTime.Date;
        var today = Withdrawals.Where(w => w.Status != WithdrawalStatus.Failed && w.RequestedAt.UtcDateTime.Date == day)
            .Aggregate(BigInteger.Zero, (sum, w) => sum + Parse(w.Amount));
        var daily = Parse(_options.DailyWithdrawalWei);
        if (today + amount > daily)
            return ("amount", $"{Text(amount)} wei would bring today's withdrawals to {Text(today + amount)} wei, above the daily {Text(daily)} wei");
        var available = Parse(State.Available);
        if (amount > available)
            return ("amount", $"insufficient balance: {Text(available)} wei available, {Text(amount)} wei asked");
        return null;
    }

    /// <summary>The executor's word on a withdrawal's transaction: confirmed closes it, failed gives the amount back; once each.</summary>
    private void WithdrawalUpdated(WithdrawalUpdated update)
    {
        if (!IsMine(update.Wallet) || Withdrawals.FirstOrDefault(w => w.CommandId == update.CommandId) is not { } withdrawal)
            return;
        // The executor's mark before anything else: a forged "failed" for a sent withdrawal would move the money twice.
        if (_commandKey is null || !WithdrawalUpdateMac.Verify(update, _commandKey))
        {
            LogUnmarkedWithdrawalUpdate(Key, update.CommandId, update.Stage);
            return;
        }
        var at = Current.OccurredAt;
        if (withdrawal.Status != WithdrawalStatus.Pending)
            return; // a repeat, or a late word after the end: the money moved already
        CancelReminder(WithdrawalReminder(withdrawal.WithdrawalId)); // the executor has the command
        var amount = Parse(withdrawal.Amount);
        switch (update.Stage)
        {
            case ChainTransactionUpdated.Confirmed:
                State = State with
                {
                    Withdrawing = Text(Parse(State.Withdrawing) - amount),
                    Withdrawn = Text(Parse(State.Withdrawn) + amount),
                    Withdrawals = ReplaceWithdrawal(withdrawal with { Status = WithdrawalStatus.Completed, TransactionHash = update.TransactionHash ?? withdrawal.TransactionHash, At = at }),
                    UpdatedAt = at,
                };
                AppendToLedger(new LedgerEntry("custody.withdrawn", Key, EthAsset, withdrawal.Amount, $"withdrawal:{withdrawal.WithdrawalId}", Key,
                    update.TransactionHash ?? withdrawal.CommandId));
                break;
            case ChainTransactionUpdated.Failed:
                State = State with
                {
                    Withdrawing = Text(Parse(State.Withdrawing) - amount),
                    Available = Text(Parse(State.Available) + amount),
                    Withdrawals = ReplaceWithdrawal(withdrawal with { Status = WithdrawalStatus.Failed, Reason = update.Detail ?? "failed", At = at }),
                    UpdatedAt = at,
                };
                AppendToLedger(new LedgerEntry("custody.withdrawal-returned", Key, EthAsset, withdrawal.Amount, $"withdrawal:{withdrawal.WithdrawalId}", Key,
                    withdrawal.CommandId));
                break;
            default:
                if (update.TransactionHash is { } tx && tx != withdrawal.TransactionHash)
                    State = State with { Withdrawals = ReplaceWithdrawal(withdrawal with { TransactionHash = tx, At = at }), UpdatedAt = at };
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Custody account {Wallet}: update {Stage} of {CommandId} ignored, it does not carry the executor's mark under Custody:CommandKey")]
    private partial void LogUnmarkedWithdrawalUpdate(string wallet, string commandId, string stage);

    private WithdrawalAccepted Accepted(CustodyWithdrawal w) => new(Key, w.WithdrawalId, w.Amount, w.CommandId, w.Status, w.TransactionHash, w.RequestedAt);

    /// <summary>The command marked as asked by the custody accounts (requester "custody", HMAC under Custody:CommandKey).</summary>
    private ChainCommandRequested MarkedWithdrawal(ChainCommandRequested command) =>
        ChainCommandMac.Sign(command, ChainCommandKinds.CustodyRequester, Convert.FromBase64String(_options.CommandKey));

    private IReadOnlyList<CustodyWithdrawal> ReplaceWithdrawal(CustodyWithdrawal changed) =>
        TrimWithdrawals([.. Withdrawals.Select(w => w.WithdrawalId == changed.WithdrawalId ? changed : w)]);

    /// <summary>Beyond the bound, the oldest closed withdrawals go first (pending ones are never dropped).</summary>
    private static IReadOnlyList<CustodyWithdrawal> TrimWithdrawals(List<CustodyWithdrawal> withdrawals)
    {
        var excess = withdrawals.Count(w => w.Status != WithdrawalStatus.Pending) - CustodyAccountState.MaxClosedWithdrawals;
        if (excess <= 0)
            return withdrawals;
        var drop = withdrawals.Where(w => w.Status != WithdrawalStatus.Pending).Take(excess).ToHashSet();
        return [.. withdrawals.Where(w => !drop.Contains(w))];
    }
}
