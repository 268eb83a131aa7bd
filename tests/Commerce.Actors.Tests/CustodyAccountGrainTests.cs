using Commerce.Actors.Custody;
using Commerce.Actors.Ledger;
using Commerce.Actors.Runtime;
using Commerce.Actors.Tests.Harness;
using Commerce.Events;
using Commerce.Events.Custody;
using Commerce.Events.Envelope;
using Commerce.Events.Topics;

namespace Commerce.Actors.Tests;

/// <summary>
/// The custodial balance in Orleans' test cluster: deposits arrive from the ingress, orders call for holds, captures
/// and releases. Credited once, never negative, holds answered once per order. Each test has a wallet of its own.
/// </summary>
public sealed partial class CustodyAccountGrainTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    private static readonly DateTimeOffset T0 = GrainClusterFixture.T0;
    private const string Custody = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
    private const string EthAsset = "0x0000000000000000000000000000000000000000";
    private const string Order1 = "0x1111111111111111111111111111111111111111111111111111111111111111";
    private const string Order2 = "0x2222222222222222222222222222222222222222222222222222222222222222";

    private readonly string _wallet = "0x" + Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N")[..8];

    private GrainCluster Cluster => fixture.Cluster;

    private ICustodyAccountGrain Account => Cluster.Grains.GetGrain<ICustodyAccountGrain>(_wallet);

    [Fact]
    public async Task A_deposit_is_credited_only_once_it_is_confirmed()
    {
        await DepositAsync("0xt1", "1000", confirmed: false);
        var state = await StateAsync();
        Assert.Equal("0", state.Available);
        Assert.False(Assert.Single(state.Deposits).Confirmed);

        await DepositAsync("0xt1", "1000", confirmed: true);
        state = await StateAsync();
        Assert.Equal(("1000", "1000"), (state.Available, state.Credited));
        Assert.True(Assert.Single(state.Deposits).Confirmed);
    }

    [Fact]
    public async Task A_forged_deposit_buys_nothing_only_the_watchers_mark_credits()
    {
        var genuine = new DepositObserved(_wallet, Custody, "1000", "0xf1", 10, "0xb1", true, false);
        await ApplyAsync(genuine);                                                                           // no mark
        await ApplyAsync(DepositMac.Sign(genuine with { TransactionHash = "0xf2" }, new byte[32]));          // another key
        await ApplyAsync(GrainCluster.Marked(genuine with { TransactionHash = "0xf3", Amount = "1" }) with { Amount = "1000" }); // altered

        var state = await StateAsync();
        Assert.Equal(("0", "0"), (state.Available, state.Credited));
        Assert.Empty(state.Deposits);
        Assert.Empty(await LedgerAsync());
        Assert.IsType<HoldRefused>(await HoldAsync("o-forged", "1000"));
    }

    [Fact]
    public async Task Every_movement_of_the_balance_goes_to_the_ledger_once()
    {
        await DepositAsync("0xt1", "1000", confirmed: false);
        Assert.Empty(await LedgerAsync());
        await DepositAsync("0xt1", "1000", confirmed: true);
        Assert.Equal(new LedgerEntry("custody.deposited", _wallet, EthAsset, "1000", _wallet, Custody, "0xt1"), Assert.Single(await LedgerAsync()));
        await DepositAsync("0xt1", "1000", confirmed: true);
        Assert.Single(await LedgerAsync());

        await Account.HoldAsync(Hold(Order1, "600"));
        Assert.Equal(new LedgerEntry("custody.held", _wallet, EthAsset, "600", _wallet, $"hold:{Order1}", Order1), (await LedgerAsync())[^1]);
        await Account.HoldAsync(Hold(Order2, "600"));   // refused: nothing moved
        Assert.Equal(2, (await LedgerAsync()).Count);
        await Account.CaptureAsync(new HoldCaptureRequested(_wallet, Order1));
        Assert.Equal(new LedgerEntry("custody.captured", _wallet, EthAsset, "600", $"hold:{Order1}", "platform", Order1), (await LedgerAsync())[^1]);
        await Account.ReleaseAsync(new HoldReleaseRequested(_wallet, Order1, "late"));
        Assert.Equal<string>(["custody.deposited", "custody.held", "custody.captured"], (await LedgerAsync()).Select(e => e.Kind));
    }

    [Fact]
    public async Task A_confirmation_reported_again_even_from_another_block_is_never_credited_twice()
    {
        await DepositAsync("0xt1", "1000", confirmed: true);
        await DepositAsync("0xt1", "1000", confirmed: true);
        await DepositAsync("0xt1", "1000", confirmed: true, block: "0xother");
        await DepositAsync("0xT1", "1000", confirmed: false);
        var state = await StateAsync();
        Assert.Equal(("1000", "1000"), (state.Available, state.Credited));
        Assert.Single(state.Deposits);
        Assert.Single(await LedgerAsync());
    }

    [Fact]
    public async Task A_redelivered_deposit_record_is_credited_once()
    {
        var confirmed = EventEnvelope.Create(_wallet, Deposit("0xt1", "1000", confirmed: true), T0);
        await RedeliverAsync(confirmed, offset: 10);
        await RedeliverAsync(confirmed, offset: 10);
        await Cluster.DeactivateAsync<ICustodyAccountGrain>(_wallet);
        await RedeliverAsync(confirmed, offset: 10);                 // what it applied is stored with its state
        await RedeliverAsync(confirmed, offset: 10, floor: 10);      // the ingress's floor passed it
        var state = await StateAsync();
        Assert.Equal(("1000", "1000"), (state.Available, state.Credited));
        Assert.Single(await LedgerAsync());
    }

    [Fact]
    public async Task A_redelivered_record_changes_nothing_even_when_its_content_would()
    {
        // A pending deposit is reported reorged; the pending report, redelivered, does not bring it back.
        var pending = EventEnvelope.Create(_wallet, Deposit("0xt1", "1000", confirmed: false), T0);
        await RedeliverAsync(pending, offset: 20);
        await RedeliverAsync(EventEnvelope.Create(_wallet, GrainCluster.Marked(Deposit("0xt1", "1000", confirmed: false) with { Reorged = true }), T0), offset: 21);
        await RedeliverAsync(pending, offset: 20);
        Assert.Empty((await StateAsync()).Deposits);
    }

    [Fact]
    public async Task A_deposit_whose_block_left_the_chain_is_dropped_and_never_credited()
    {
        await DepositAsync("0xt1", "1000", confirmed: false);
        await ApplyAsync(GrainCluster.Marked(Deposit("0xt1", "1000", confirmed: false) with { Reorged = true }));
        var state = await StateAsync();
        Assert.Empty(state.Deposits);
        Assert.Equal("0", state.Available);

        // Re-included in another block and confirmed there: credited once.
        await DepositAsync("0xt1", "1000", confirmed: true, block: "0xb2");
        Assert.Equal("1000", (await StateAsync()).Available);
    }

    [Fact]
    public async Task Deposits_for_another_wallet_or_without_value_change_nothing()
    {
        await ApplyAsync(GrainCluster.Marked(Deposit("0xt1", "1000", confirmed: true) with { Wallet = "0xbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb" }));
        await DepositAsync("0xt2", "0", confirmed: true);
        await DepositAsync("0xt3", "-5", confirmed: true);
        var state = await StateAsync();
        Assert.Equal(("0", "0"), (state.Available, state.Credited));
        Assert.Empty(state.Deposits);
        Assert.Empty(state.CreditedTransactions);
        Assert.Empty(await LedgerAsync());
    }

    [Fact]
    public async Task A_covered_hold_sets_the_amount_aside_and_answers_funds_held()
    {
        await DepositAsync("0xt1", "1000", confirmed: true);
        var answer = await Account.HoldAsync(Hold(Order1, "600"));
        var held = Assert.Single(answer.Events);
        Assert.Equal((Order1, (IEvent)new FundsHeld(Order1, _wallet, "ETH", "600")), (held.Key, held.Payload));
        var state = await StateAsync();
        Assert.Equal(("400", "600"), (state.Available, state.Held));
        Assert.Equal(HoldStatus.Held, Assert.Single(state.Holds).Status);
    }

    [Theory]
    [InlineData("1001", "insufficient balance: 1000 wei available, 1001 wei asked")]
    [InlineData("0", "the amount \"0\" is not a positive whole number of wei")]
    [InlineData("1e3", "the amount \"1e3\" is not a positive whole number of wei")]
    public async Task A_hold_the_balance_does_not_cover_is_refused_and_the_balance_is_untouched(string amount, string reason)
    {
        await DepositAsync("0xt1", "1000", confirmed: true);
        Assert.Equal(new HoldRefused(Order1, _wallet, "ETH", amount, reason), await HoldAsync(Order1, amount));
        var state = await StateAsync();
        Assert.Equal(("1000", "0"), (state.Available, state.Held));
        Assert.Equal(HoldStatus.Refused, Assert.Single(state.Holds).Status);
    }

    [Fact]
    public async Task A_hold_in_another_currency_is_refused()
    {
        await DepositAsync("0xt1", "1000", confirmed: true);
        var refused = Assert.IsType<HoldRefused>(Assert.Single((await Account.HoldAsync(new HoldRequested(_wallet, Order1, "USDC", "10"))).Events).Payload);
        Assert.StartsWith("a custodial balance holds ETH only", refused.Reason);
        Assert.Equal("1000", (await StateAsync()).Available);
    }

    [Fact]
    public async Task Two_orders_cannot_hold_more_than_the_balance_together()
    {
        await DepositAsync("0xt1", "1000", confirmed: true);
        Assert.IsType<FundsHeld>(await HoldAsync(Order1, "700"));
        Assert.IsType<HoldRefused>(await HoldAsync(Order2, "700"));
        var state = await StateAsync();
        Assert.Equal(("300", "700"), (state.Available, state.Held));
    }

    [Fact]
    public async Task Two_orders_asking_at_the_same_time_cannot_hold_more_than_the_balance_together()
    {
        await DepositAsync("0xt1", "1000", confirmed: true);
        var answers = await Task.WhenAll(Account.HoldAsync(Hold(Order1, "700")), Account.HoldAsync(Hold(Order2, "700")));
        var payloads = answers.Select(a => Assert.Single(a.Events).Payload).ToList();
        Assert.Single(payloads.OfType<FundsHeld>());
        Assert.Single(payloads.OfType<HoldRefused>());
        var state = await StateAsync();
        Assert.Equal(("300", "700"), (state.Available, state.Held));
    }

    [Fact]
    public async Task A_repeated_hold_request_is_answered_the_same_way_and_holds_nothing_more()
    {
        await DepositAsync("0xt1", "1000", confirmed: true);
        await HoldAsync(Order1, "600");
        Assert.Equal(new FundsHeld(Order1, _wallet, "ETH", "600"), await HoldAsync(Order1, "600"));
        var state = await StateAsync();
        Assert.Equal(("400", "600"), (state.Available, state.Held));

        var refused = await HoldAsync(Order2, "900");
        Assert.IsType<HoldRefused>(refused);
        Assert.Equal(refused, await HoldAsync(Order2, "900"));
        state = await StateAsync();
        Assert.Equal(("400", "600"), (state.Available, state.Held));
    }

    [Fact]
    public async Task A_hold_call_repeated_for_the_same_order_answers_as_the_first_and_moves_the_money_once()
    {
        await DepositAsync("0xt1", "1000", confirmed: true);
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Account.HoldAsync(Hold(Order1, "600"))));
        Assert.All(answers, a => Assert.Equal(new FundsHeld(Order1, _wallet, "ETH", "600"), Assert.Single(a.Events).Payload));
        Assert.Equal(new FundsHeld(Order1, _wallet, "ETH", "600"), await HoldAsync(Order1, "600"));

        var state = await StateAsync();
        Assert.Equal(("400", "600", "1000"), (state.Available, state.Held, state.Credited));
        var hold = Assert.Single(state.Holds);
        Assert.Equal((Order1, HoldStatus.Held, "600"), (hold.OrderId, hold.Status, hold.Amount));
        Assert.Single(await LedgerAsync(), e => e.Kind == "custody.held");
    }

    [Fact]
    public async Task A_captured_hold_is_spent_once_and_a_later_release_gives_nothing_back()
    {
        await DepositAsync("0xt1", "1000", confirmed: true);
        await HoldAsync(Order1, "600");
        await Account.CaptureAsync(new HoldCaptureRequested(_wallet, Order1));
        await Account.CaptureAsync(new HoldCaptureRequested(_wallet, Order1));
        await Account.ReleaseAsync(new HoldReleaseRequested(_wallet, Order1, "late"));
        var state = await StateAsync();
        Assert.Equal(("400", "0", "600", "1000"), (state.Available, state.Held, state.Spent, state.Credited));
        Assert.Equal(HoldStatus.Captured, Assert.Single(state.Holds).Status);

        // A repeated request after the capture gets no new hold and no answer.
        Assert.Empty((await Account.HoldAsync(Hold(Order1, "600"))).Events);
        Assert.Equal("400", (await StateAsync()).Available);
    }

    [Fact]
    public async Task A_released_hold_comes_back_to_the_balance_exactly_once()
    {
        await DepositAsync("0xt1", "1000", confirmed: true);
        await HoldAsync(Order1, "600");
        await Account.ReleaseAsync(new HoldReleaseRequested(_wallet, Order1, "the mint failed"));
        await Account.ReleaseAsync(new HoldReleaseRequested(_wallet, Order1, "the mint failed"));
        await Account.CaptureAsync(new HoldCaptureRequested(_wallet, Order1));
        var state = await StateAsync();
        Assert.Equal(("1000", "0", "0"), (state.Available, state.Held, state.Spent));
        var hold = Assert.Single(state.Holds);
        Assert.Equal((HoldStatus.Released, "the mint failed"), (hold.Status, hold.Reason));
        Assert.Equal<string>(["custody.deposited", "custody.held", "custody.released"], (await LedgerAsync()).Select(e => e.Kind));
    }

    [Fact]
    public async Task Requests_for_another_wallet_change_nothing()
    {
        await DepositAsync("0xt1", "1000", confirmed: true);
        const string other = "0xbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
        Assert.Empty((await Account.HoldAsync(new HoldRequested(other, Order1, "ETH", "600"))).Events);
        var state = await StateAsync();
        Assert.Equal(("1000", "0"), (state.Available, state.Held));
        Assert.Empty(state.Holds);
    }

    [Fact]
    public async Task Closed_holds_are_bounded_and_open_ones_are_always_kept()
    {
        await DepositAsync("0xt1", "100000", confirmed: true);
        await HoldAsync("open", "1");
        for (var i = 0; i < CustodyAccountState.MaxClosedHolds + 5; i++)
        {
            await HoldAsync($"o{i}", "1");
            await Account.CaptureAsync(new HoldCaptureRequested(_wallet, $"o{i}"));
        }
        var state = await StateAsync();
        Assert.Equal(CustodyAccountState.MaxClosedHolds + 1, state.Holds.Count);
        Assert.Equal("open", state.Holds[0].OrderId);
        Assert.Equal("o5", state.Holds[1].OrderId);
        Assert.Equal("1", state.Held);
    }

    /// <summary>A deposit as the deposit watcher reports it: marked with its key.</summary>
    private DepositObserved Deposit(string tx, string amount, bool confirmed, string block = "0xb1") =>
        GrainCluster.Marked(new(_wallet, Custody, amount, tx, 10, block, confirmed, false));

    private Task DepositAsync(string tx, string amount, bool confirmed, string block = "0xb1") =>
        ApplyAsync(Deposit(tx, amount, confirmed, block));

    /// <summary>A record of commerce.custody-events, as the ingress hands it.</summary>
    private Task ApplyAsync(DepositObserved deposit)
    {
        Cluster.Clock.Set(T0);
        return Cluster.ApplyAsync<ICustodyAccountGrain>(_wallet, deposit, T0);
    }

    /// <summary>The record at <paramref name="offset"/> of the custody-events partition, delivered (again).</summary>
    private Task RedeliverAsync(EventEnvelope envelope, long offset, long? floor = null)
    {
        Cluster.Clock.Set(T0);
        return Cluster.ApplyAtAsync<ICustodyAccountGrain>(_wallet, envelope, offset, TopicCatalog.CustodyEvents.Name, floor);
    }

    private HoldRequested Hold(string orderId, string amount) => new(_wallet, orderId, "ETH", amount);

    /// <summary>Asks for a hold as an order does; returns the one answer, addressed to the order.</summary>
    private async Task<IEvent> HoldAsync(string orderId, string amount)
    {
        Cluster.Clock.Set(T0);
        var answer = Assert.Single((await Account.HoldAsync(Hold(orderId, amount))).Events);
        Assert.Equal(orderId, answer.Key);
        return answer.Payload;
    }

    private async Task<CustodyAccountState> StateAsync() =>
        await Cluster.StateAsync<CustodyAccountState>(CustodyAccountGrain.TypeName, _wallet)
        ?? throw new InvalidOperationException($"the custody account {_wallet} was never stored");

    private Task<IReadOnlyList<LedgerEntry>> LedgerAsync() => Cluster.LedgerOfAsync(CustodyAccountGrain.TypeName, _wallet);
}
