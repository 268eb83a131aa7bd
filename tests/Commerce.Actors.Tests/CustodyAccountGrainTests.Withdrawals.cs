using Commerce.Actors.Custody;
using Commerce.Actors.Ledger;
using Commerce.Actors.Tests.Harness;
using Commerce.Events;
using Commerce.Events.Chain;
using Commerce.Events.Custody;
using Commerce.Events.Topics;

namespace Commerce.Actors.Tests;

/// <summary>
/// Withdrawals of the custodial balance (docs/ORDERS.md, "Withdrawing"): debited once per withdrawal id within the
/// limits (1000 wei each, 1500 a UTC day in these clusters), asked of the executor as one marked plain transfer to the
/// account's own wallet; a failed transfer gives the amount back exactly once; nobody else's request moves anything.
/// </summary>
public sealed partial class CustodyAccountGrainTests
{
    [Fact]
    public async Task A_withdrawal_is_debited_once_and_asked_of_the_executor_once_however_often_it_is_retried()
    {
        await DepositAsync("0xw1", "1200", confirmed: true);

        var first = Assert.IsType<WithdrawalAccepted>(await WithdrawAsync("w-1", "700"));
        var again = Assert.IsType<WithdrawalAccepted>(await WithdrawAsync("w-1", "700"));

        Assert.Equal(first, again);
        Assert.Equal((WithdrawalStatus.Pending, CustodyAccountGrain.WithdrawalCommandId(_wallet, "w-1")), (first.Status, first.CommandId));
        var state = await StateAsync();
        Assert.Equal(("500", "700", "0", "1200"), (state.Available, state.Withdrawing, state.Withdrawn, state.Credited));
        var command = Assert.IsType<ChainCommandRequested>(Assert.Single(await CommandsAsync()));
        Assert.Equal((ChainCommandKinds.Withdraw, _wallet, "700", "0x", ChainCommandKinds.CustodyRequester),
            (command.Kind, command.To, command.ValueWei, command.Data, command.Requester));
        Assert.True(ChainCommandMac.Verify(command, GrainCluster.CustodyCommandKey), "the command carries the custody accounts' HMAC");
        Assert.Equal(new LedgerEntry("custody.withdrawing", _wallet, EthAsset, "700", _wallet, "withdrawal:w-1", command.CommandId), (await LedgerAsync())[^1]);
    }

    [Fact]
    public async Task A_failed_transfer_gives_the_amount_back_exactly_once_and_a_late_confirmation_changes_nothing()
    {
        await DepositAsync("0xw2", "1000", confirmed: true);
        var accepted = Assert.IsType<WithdrawalAccepted>(await WithdrawAsync("w-2", "800"));

        await UpdateAsync(accepted.CommandId, ChainTransactionUpdated.Submitted, "0xtx2");
        await UpdateAsync(accepted.CommandId, ChainTransactionUpdated.Failed, null, "estimation reverted");
        await UpdateAsync(accepted.CommandId, ChainTransactionUpdated.Failed, null, "estimation reverted");
        await UpdateAsync(accepted.CommandId, ChainTransactionUpdated.Confirmed, "0xtx2");

        var state = await StateAsync();
        Assert.Equal(("1000", "0", "0"), (state.Available, state.Withdrawing, state.Withdrawn));
        var withdrawal = Assert.Single(state.Withdrawals!);
        Assert.Equal((WithdrawalStatus.Failed, "estimation reverted", "0xtx2"), (withdrawal.Status, withdrawal.Reason, withdrawal.TransactionHash));
        Assert.Single(await LedgerAsync(), e => e.Kind == "custody.withdrawal-returned");
        Assert.DoesNotContain(await LedgerAsync(), e => e.Kind == "custody.withdrawn");
        // The same id asked again is answered as it ended: failed, nothing debited, nothing sent.
        Assert.Equal(WithdrawalStatus.Failed, Assert.IsType<WithdrawalAccepted>(await WithdrawAsync("w-2", "800")).Status);
        Assert.Single(await CommandsAsync());
        Assert.Equal("1000", (await StateAsync()).Available);
    }

    [Fact]
    public async Task A_confirmed_transfer_completes_the_withdrawal_and_a_late_failure_gives_nothing_back()
    {
        await DepositAsync("0xw3", "1000", confirmed: true);
        var accepted = Assert.IsType<WithdrawalAccepted>(await WithdrawAsync("w-3", "1000"));

        await UpdateAsync(accepted.CommandId, ChainTransactionUpdated.Confirmed, "0xtx3");
        await UpdateAsync(accepted.CommandId, ChainTransactionUpdated.Failed, null, "late");

        var state = await StateAsync();
        Assert.Equal(("0", "0", "1000", "1000"), (state.Available, state.Withdrawing, state.Withdrawn, state.Credited));
        Assert.Equal((WithdrawalStatus.Completed, "0xtx3"), (state.Withdrawals![0].Status, state.Withdrawals[0].TransactionHash));
        Assert.Equal(new LedgerEntry("custody.withdrawn", _wallet, EthAsset, "1000", "withdrawal:w-3", _wallet, "0xtx3"), (await LedgerAsync())[^1]);
        Assert.IsType<HoldRefused>(await HoldAsync("o-after", "1"));
    }

    [Theory]
    [InlineData("1001", "one withdrawal may take")]
    [InlineData("0", "positive whole number")]
    [InlineData("-5", "positive whole number")]
    [InlineData("1e3", "positive whole number")]
    public async Task A_withdrawal_over_the_limit_or_not_a_positive_amount_is_refused_naming_amount_and_debits_nothing(string amount, string why)
    {
        await DepositAsync("0xw4", "5000", confirmed: true);

        var refused = Assert.IsType<WithdrawalRefused>(await WithdrawAsync("w-4", amount));

        Assert.Equal("amount", refused.Field);
        Assert.Contains(why, refused.Reason);
        Assert.Equal(("5000", "0"), ((await StateAsync()).Available, (await StateAsync()).Withdrawing));
        Assert.Empty(await CommandsAsync());
    }

    [Fact]
    public async Task The_daily_limit_counts_the_days_withdrawals_but_not_failed_ones_and_a_new_day_starts_again()
    {
        await DepositAsync("0xw5", "5000", confirmed: true);
        var first = Assert.IsType<WithdrawalAccepted>(await WithdrawAsync("d-1", "1000"));
        Assert.Contains("daily", Assert.IsType<WithdrawalRefused>(await WithdrawAsync("d-2", "600")).Reason);

        await UpdateAsync(first.CommandId, ChainTransactionUpdated.Failed, null, "reverted");
        Assert.IsType<WithdrawalAccepted>(await WithdrawAsync("d-2", "600"));
        Assert.IsType<WithdrawalRefused>(await WithdrawAsync("d-3", "1000"));

        Assert.IsType<WithdrawalAccepted>(await WithdrawAsync("d-3", "1000", T0.AddDays(1)));
        Assert.Equal("3400", (await StateAsync()).Available);
    }

    [Fact]
    public async Task A_withdrawal_above_the_balance_is_refused_and_may_be_asked_again_once_it_is_covered()
    {
        await DepositAsync("0xw6", "300", confirmed: true);
        Assert.Contains("insufficient balance", Assert.IsType<WithdrawalRefused>(await WithdrawAsync("b-1", "400")).Reason);
        await DepositAsync("0xw7", "200", confirmed: true);
        Assert.IsType<WithdrawalAccepted>(await WithdrawAsync("b-1", "400"));
        Assert.Equal("100", (await StateAsync()).Available);
    }

    [Fact]
    public async Task Nobody_moves_another_accounts_balance_neither_by_request_nor_by_a_forged_executor_word()
    {
        await DepositAsync("0xw8", "1000", confirmed: true);
        const string thief = "0x000000000000000000000000000000000000dead";

        var refused = Assert.IsType<WithdrawalRefused>(Assert.Single((await Account.WithdrawAsync(new WithdrawalRequested(thief, "t-1", "500"))).Events).Payload);
        Assert.Equal("wallet", refused.Field);
        var accepted = Assert.IsType<WithdrawalAccepted>(await WithdrawAsync("t-2", "500"));
        // The executor's word names the account in its key and in the command id: another's, or an unknown command, moves nothing.
        await Cluster.ApplyAsync<ICustodyAccountGrain>(_wallet, new WithdrawalUpdated(thief, accepted.CommandId, ChainTransactionUpdated.Failed, null, "forged"), T0);
        await UpdateAsync(CustodyAccountGrain.WithdrawalCommandId(_wallet, "never-asked"), ChainTransactionUpdated.Failed, null, "forged");

        var state = await StateAsync();
        Assert.Equal(("500", "500"), (state.Available, state.Withdrawing));
        Assert.Equal(WithdrawalStatus.Pending, Assert.Single(state.Withdrawals!).Status);
        Assert.Single(await CommandsAsync());
    }

    [Fact]
    public async Task A_forged_executor_word_on_a_sent_withdrawal_gives_nothing_back_and_the_withdrawal_stays_pending()
    {
        await DepositAsync("0xw11", "1000", confirmed: true);
        var accepted = Assert.IsType<WithdrawalAccepted>(await WithdrawAsync("w-forged", "900"));
        await UpdateAsync(accepted.CommandId, ChainTransactionUpdated.Submitted, "0xtx11");
        var ledger = (await LedgerAsync()).Count;

        // Whoever can write commerce.custody-events but is not the executor: no mark, another key, and a genuine
        // "submitted" whose stage (then its reason) was changed after marking.
        var failed = new WithdrawalUpdated(_wallet, accepted.CommandId, ChainTransactionUpdated.Failed, null, "forged");
        await ApplyUpdateAsync(failed);
        await ApplyUpdateAsync(Marked(failed, System.Security.Cryptography.SHA256.HashData("not-the-custody-command-key"u8)));
        var genuine = Marked(new WithdrawalUpdated(_wallet, accepted.CommandId, ChainTransactionUpdated.Submitted, "0xtx11", null));
        await ApplyUpdateAsync(genuine with { Stage = ChainTransactionUpdated.Failed });
        await ApplyUpdateAsync(genuine with { Stage = ChainTransactionUpdated.Failed, TransactionHash = null, Detail = "reverted" });
        await ApplyUpdateAsync(Marked(failed) with { Detail = "altered" });

        var state = await StateAsync();
        Assert.Equal(("100", "900", "0"), (state.Available, state.Withdrawing, state.Withdrawn));
        Assert.Equal((WithdrawalStatus.Pending, "0xtx11"), (Assert.Single(state.Withdrawals!).Status, state.Withdrawals![0].TransactionHash));
        Assert.Equal(ledger, (await LedgerAsync()).Count);
        Assert.IsType<HoldRefused>(await HoldAsync("o-forged", "200")); // nothing came back to spend

        // The executor's own word still moves it, once.
        await UpdateAsync(accepted.CommandId, ChainTransactionUpdated.Confirmed, "0xtx11");
        state = await StateAsync();
        Assert.Equal(("100", "0", "900"), (state.Available, state.Withdrawing, state.Withdrawn));
        Assert.DoesNotContain(await LedgerAsync(), e => e.Kind == "custody.withdrawal-returned");
    }

    [Fact]
    public async Task An_empty_or_malformed_executor_mark_moves_nothing()
    {
        await DepositAsync("0xw12", "1000", confirmed: true);
        var accepted = Assert.IsType<WithdrawalAccepted>(await WithdrawAsync("w-empty", "400"));

        await ApplyUpdateAsync(new WithdrawalUpdated(_wallet, accepted.CommandId, ChainTransactionUpdated.Failed, null, null) { ExecutorMac = "" });
        await ApplyUpdateAsync(new WithdrawalUpdated(_wallet, accepted.CommandId, ChainTransactionUpdated.Failed, null, null) { ExecutorMac = new string('0', 64) });

        Assert.Equal(("600", "400"), ((await StateAsync()).Available, (await StateAsync()).Withdrawing));
    }

    [Fact]
    public void A_custody_command_id_names_its_wallet()
    {
        Assert.Equal(_wallet, CustodyAccountGrain.WalletOf(CustodyAccountGrain.WithdrawalCommandId(_wallet, "k")));
        Assert.Null(CustodyAccountGrain.WalletOf("order:0xab:mint"));
        Assert.Null(CustodyAccountGrain.WalletOf("custody:"));
    }

    [Fact]
    public async Task A_withdrawal_command_lost_on_its_way_is_asked_again_with_the_same_id_until_the_executor_answers()
    {
        await DepositAsync("0xw9", "1000", confirmed: true);
        var accepted = Assert.IsType<WithdrawalAccepted>(await WithdrawAsync("w-lost", "600"));
        var reminder = CustodyAccountGrain.WithdrawalReminder("w-lost");
        var recheck = CustodyAccountGrain.WithdrawalRecheck;
        Assert.Equal(T0 + recheck, (await RemindersAsync())[reminder].DueAt);

        // Woken before the check is due (by the platform's clock), the reminder asks nothing.
        await TickAsync(reminder, T0 + recheck / 2);
        Assert.Single(await CommandsAsync());

        // The command never reached the executor: the check asks again, the same command (id and mark), and checks back.
        await TickAsync(reminder, T0 + recheck);
        var commands = await CommandsAsync();
        Assert.Equal(2, commands.Count);
        Assert.Equal(commands[0], commands[1]);
        Assert.Equal(accepted.CommandId, Assert.IsType<ChainCommandRequested>(commands[1]).CommandId);
        Assert.Equal(T0 + 2 * recheck, (await RemindersAsync())[reminder].DueAt);
        var state = await StateAsync();
        Assert.Equal(("400", "600"), (state.Available, state.Withdrawing)); // debited once

        // Once the executor speaks, the check stops; a wake-up after that asks nothing.
        await UpdateAsync(accepted.CommandId, ChainTransactionUpdated.Submitted, "0xtx9");
        Assert.DoesNotContain(reminder, (await RemindersAsync()).Keys);
        await TickAsync(reminder, T0 + 3 * recheck);
        Assert.Equal(2, (await CommandsAsync()).Count);
        await UpdateAsync(accepted.CommandId, ChainTransactionUpdated.Confirmed, "0xtx9");
        state = await StateAsync();
        Assert.Equal(("400", "0", "600"), (state.Available, state.Withdrawing, state.Withdrawn));
        Assert.Single(await LedgerAsync(), e => e.Kind == "custody.withdrawn");
    }

    [Fact]
    public async Task A_recheck_of_a_withdrawal_the_executor_already_answered_asks_nothing()
    {
        await DepositAsync("0xw10", "1000", confirmed: true);
        var accepted = Assert.IsType<WithdrawalAccepted>(await WithdrawAsync("w-done", "500"));
        await UpdateAsync(accepted.CommandId, ChainTransactionUpdated.Failed, null, "refused");

        await TickAsync(CustodyAccountGrain.WithdrawalReminder("w-done"), T0 + CustodyAccountGrain.WithdrawalRecheck);

        Assert.Single(await CommandsAsync());
        Assert.Equal("1000", (await StateAsync()).Available);
    }

    /// <summary>Asks for a withdrawal as the API does; returns the one answer.</summary>
    private async Task<IEvent> WithdrawAsync(string withdrawalId, string amount, DateTimeOffset? at = null)
    {
        Cluster.Clock.Set(at ?? T0);
        return Assert.Single((await Account.WithdrawAsync(new WithdrawalRequested(_wallet, withdrawalId, amount))).Events).Payload;
    }

    /// <summary>The executor's word on a withdrawal's command, marked, as the delivery router publishes it to commerce.custody-events.</summary>
    private Task UpdateAsync(string commandId, string stage, string? tx, string? detail = null) =>
        ApplyUpdateAsync(Marked(new WithdrawalUpdated(_wallet, commandId, stage, tx, detail)));

    private Task ApplyUpdateAsync(WithdrawalUpdated update)
    {
        Cluster.Clock.Set(T0);
        return Cluster.ApplyAsync<ICustodyAccountGrain>(_wallet, update, T0);
    }

    /// <summary>The update with the mark the executor gives its word on a custody command (requester "custody", <paramref name="key"/> by default the accounts' own).</summary>
    private static WithdrawalUpdated Marked(WithdrawalUpdated update, byte[]? key = null)
    {
        var word = new ChainTransactionUpdated(update.CommandId, update.Stage, "0x00000000000000000000000000000000000000e1", 0, update.TransactionHash, null,
            null, null, null, update.Detail, T0);
        return update with { ExecutorMac = ChainUpdateMac.Sign(word, ChainCommandKinds.CustodyRequester, key ?? GrainCluster.CustodyCommandKey).ExecutorMac };
    }

    private Task TickAsync(string reminder, DateTimeOffset at)
    {
        Cluster.Clock.Set(at);
        return Cluster.TickAsync<ICustodyAccountGrain>(_wallet, reminder);
    }

    private Task<IReadOnlyDictionary<string, (DateTimeOffset DueAt, IEvent Message)>> RemindersAsync() =>
        Cluster.PendingRemindersOfAsync(CustodyAccountGrain.TypeName, _wallet);

    private Task<IReadOnlyList<IEvent>> CommandsAsync() =>
        Cluster.OutboxOfAsync(TopicCatalog.ChainCommands, k => k.StartsWith(CustodyAccountGrain.CommandPrefix + _wallet, StringComparison.Ordinal));
}
