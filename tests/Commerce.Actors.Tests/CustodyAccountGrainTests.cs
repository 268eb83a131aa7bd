using Commerce.Actors.Custody;
using Commerce.Actors.Ledger;
using Commerce.Actors.Runtime;
using Commerce.Events;
using Commerce.Events.Custody;
using Commerce.Events.Envelope;
using Commerce.Events.Topics;

namespace Commerce.Actors.Tests;

/// <summary>The custodial balance on one grain, message by message: credited once, never negative, holds answered once per order.</summary>
public sealed class CustodyAccountGrainTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private const string Wallet = "0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string Custody = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
    private const string Order1 = "0x1111111111111111111111111111111111111111111111111111111111111111";
    private const string Order2 = "0x2222222222222222222222222222222222222222222222222222222222222222";

    [Fact]
    public async Task A_deposit_is_credited_only_once_it_is_confirmed()
    {
        var grain = NewGrain();
        await Send(grain, Deposit("0xt1", "1000", confirmed: false));
        Assert.Equal("0", grain.State.Available);
        Assert.False(Assert.Single(grain.State.Deposits).Confirmed);

        await Send(grain, Deposit("0xt1", "1000", confirmed: true));
        Assert.Equal("1000", grain.State.Available);
        Assert.Equal("1000", grain.State.Credited);
        Assert.True(Assert.Single(grain.State.Deposits).Confirmed);
    }

    [Fact]
    public async Task Every_movement_of_the_balance_goes_to_the_ledger_once()
    {
        var grain = NewGrain();
        Assert.Empty((await Send(grain, Deposit("0xt1", "1000", confirmed: false))).Ledger);
        Assert.Equal(new LedgerEntry("custody.deposited", Wallet, "0x0000000000000000000000000000000000000000", "1000", Wallet, Custody, "0xt1"),
            Assert.Single((await Send(grain, Deposit("0xt1", "1000", confirmed: true))).Ledger));
        Assert.Empty((await Send(grain, Deposit("0xt1", "1000", confirmed: true))).Ledger);
        Assert.Equal("custody.held", Assert.Single((await Send(grain, new HoldRequested(Wallet, Order1, "ETH", "600"))).Ledger).Kind);
        Assert.Empty((await Send(grain, new HoldRequested(Wallet, Order2, "ETH", "600"))).Ledger);   // refused: nothing moved
        Assert.Equal(("custody.captured", "600", $"hold:{Order1}"), Single((await Send(grain, new HoldCaptureRequested(Wallet, Order1))).Ledger));
        Assert.Empty((await Send(grain, new HoldReleaseRequested(Wallet, Order1, "late"))).Ledger);

        static (string, string?, string?) Single(IReadOnlyList<LedgerEntry> entries) => Assert.Single(entries) is var e ? (e.Kind, e.Amount, e.From) : default;
    }

    [Fact]
    public async Task A_confirmation_reported_again_even_from_another_block_is_never_credited_twice()
    {
        var grain = NewGrain();
        await Send(grain, Deposit("0xt1", "1000", confirmed: true));
        await Send(grain, Deposit("0xt1", "1000", confirmed: true));
        await Send(grain, Deposit("0xt1", "1000", confirmed: true, block: "0xother"));
        await Send(grain, Deposit("0xT1", "1000", confirmed: false));
        Assert.Equal("1000", grain.State.Available);
        Assert.Equal("1000", grain.State.Credited);
        Assert.Single(grain.State.Deposits);
    }

    [Fact]
    public async Task A_deposit_whose_block_left_the_chain_is_dropped_and_never_credited()
    {
        var grain = NewGrain();
        await Send(grain, Deposit("0xt1", "1000", confirmed: false));
        await Send(grain, Deposit("0xt1", "1000", confirmed: false) with { Reorged = true });
        Assert.Empty(grain.State.Deposits);
        Assert.Equal("0", grain.State.Available);
        // Re-included in another block and confirmed there: credited once.
        await Send(grain, Deposit("0xt1", "1000", confirmed: true, block: "0xb2"));
        Assert.Equal("1000", grain.State.Available);
    }

    [Fact]
    public async Task Deposits_for_another_wallet_or_without_value_change_nothing()
    {
        var grain = NewGrain();
        await Send(grain, Deposit("0xt1", "1000", confirmed: true) with { Wallet = "0xbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb" });
        await Send(grain, Deposit("0xt2", "0", confirmed: true));
        await Send(grain, Deposit("0xt3", "-5", confirmed: true));
        Assert.Equal(("0", "0"), (grain.State.Available, grain.State.Credited));
        Assert.Empty(grain.State.Deposits);
        Assert.Empty(grain.State.CreditedTransactions);
    }

    [Fact]
    public async Task A_covered_hold_sets_the_amount_aside_and_answers_funds_held()
    {
        var grain = NewGrain();
        await Send(grain, Deposit("0xt1", "1000", confirmed: true));
        var step = await Send(grain, new HoldRequested(Wallet, Order1, "ETH", "600"));
        Assert.Equal(new FundsHeld(Order1, Wallet, "ETH", "600"), Assert.Single(step.On(TopicCatalog.OrderEvents)));
        Assert.Equal(("400", "600"), (grain.State.Available, grain.State.Held));
        Assert.Equal(HoldStatus.Held, Assert.Single(grain.State.Holds).Status);
    }

    [Theory]
    [InlineData("1001", "insufficient balance: 1000 wei available, 1001 wei asked")]
    [InlineData("0", "the amount \"0\" is not a positive whole number of wei")]
    [InlineData("1e3", "the amount \"1e3\" is not a positive whole number of wei")]
    public async Task A_hold_the_balance_does_not_cover_is_refused_and_the_balance_is_untouched(string amount, string reason)
    {
        var grain = NewGrain();
        await Send(grain, Deposit("0xt1", "1000", confirmed: true));
        var step = await Send(grain, new HoldRequested(Wallet, Order1, "ETH", amount));
        Assert.Equal(new HoldRefused(Order1, Wallet, "ETH", amount, reason), Assert.Single(step.On(TopicCatalog.OrderEvents)));
        Assert.Equal(("1000", "0"), (grain.State.Available, grain.State.Held));
    }

    [Fact]
    public async Task A_hold_in_another_currency_is_refused()
    {
        var grain = NewGrain();
        await Send(grain, Deposit("0xt1", "1000", confirmed: true));
        var step = await Send(grain, new HoldRequested(Wallet, Order1, "USDC", "10"));
        Assert.StartsWith("a custodial balance holds ETH only", Assert.IsType<HoldRefused>(Assert.Single(step.On(TopicCatalog.OrderEvents))).Reason);
    }

    [Fact]
    public async Task Two_orders_cannot_hold_more_than_the_balance_together()
    {
        var grain = NewGrain();
        await Send(grain, Deposit("0xt1", "1000", confirmed: true));
        var first = await Send(grain, new HoldRequested(Wallet, Order1, "ETH", "700"));
        var second = await Send(grain, new HoldRequested(Wallet, Order2, "ETH", "700"));
        Assert.IsType<FundsHeld>(Assert.Single(first.On(TopicCatalog.OrderEvents)));
        Assert.IsType<HoldRefused>(Assert.Single(second.On(TopicCatalog.OrderEvents)));
        Assert.Equal(("300", "700"), (grain.State.Available, grain.State.Held));
    }

    [Fact]
    public async Task A_repeated_hold_request_is_answered_the_same_way_and_holds_nothing_more()
    {
        var grain = NewGrain();
        await Send(grain, Deposit("0xt1", "1000", confirmed: true));
        await Send(grain, new HoldRequested(Wallet, Order1, "ETH", "600"));
        var again = await Send(grain, new HoldRequested(Wallet, Order1, "ETH", "600"));
        Assert.Equal(new FundsHeld(Order1, Wallet, "ETH", "600"), Assert.Single(again.On(TopicCatalog.OrderEvents)));
        Assert.Equal(("400", "600"), (grain.State.Available, grain.State.Held));

        await Send(grain, new HoldRequested(Wallet, Order2, "ETH", "900"));
        var refusedAgain = await Send(grain, new HoldRequested(Wallet, Order2, "ETH", "900"));
        Assert.IsType<HoldRefused>(Assert.Single(refusedAgain.On(TopicCatalog.OrderEvents)));
    }

    [Fact]
    public async Task A_captured_hold_is_spent_once_and_a_later_release_gives_nothing_back()
    {
        var grain = NewGrain();
        await Send(grain, Deposit("0xt1", "1000", confirmed: true));
        await Send(grain, new HoldRequested(Wallet, Order1, "ETH", "600"));
        await Send(grain, new HoldCaptureRequested(Wallet, Order1));
        await Send(grain, new HoldCaptureRequested(Wallet, Order1));
        await Send(grain, new HoldReleaseRequested(Wallet, Order1, "late"));
        Assert.Equal(("400", "0", "600", "1000"), (grain.State.Available, grain.State.Held, grain.State.Spent, grain.State.Credited));
        Assert.Equal(HoldStatus.Captured, Assert.Single(grain.State.Holds).Status);
        // A repeated request after the capture gets no new hold and no answer.
        Assert.Empty((await Send(grain, new HoldRequested(Wallet, Order1, "ETH", "600"))).Emitted);
        Assert.Equal("400", grain.State.Available);
    }

    [Fact]
    public async Task A_released_hold_comes_back_to_the_balance_exactly_once()
    {
        var grain = NewGrain();
        await Send(grain, Deposit("0xt1", "1000", confirmed: true));
        await Send(grain, new HoldRequested(Wallet, Order1, "ETH", "600"));
        await Send(grain, new HoldReleaseRequested(Wallet, Order1, "the mint failed"));
        await Send(grain, new HoldReleaseRequested(Wallet, Order1, "the mint failed"));
        await Send(grain, new HoldCaptureRequested(Wallet, Order1));
        Assert.Equal(("1000", "0", "0"), (grain.State.Available, grain.State.Held, grain.State.Spent));
        var hold = Assert.Single(grain.State.Holds);
        Assert.Equal((HoldStatus.Released, "the mint failed"), (hold.Status, hold.Reason));
    }

    [Fact]
    public async Task Closed_holds_are_bounded_and_open_ones_are_always_kept()
    {
        var grain = NewGrain();
        await Send(grain, Deposit("0xt1", "100000", confirmed: true));
        await Send(grain, new HoldRequested(Wallet, "open", "ETH", "1"));
        for (var i = 0; i < CustodyAccountState.MaxClosedHolds + 5; i++)
        {
            await Send(grain, new HoldRequested(Wallet, $"o{i}", "ETH", "1"));
            await Send(grain, new HoldCaptureRequested(Wallet, $"o{i}"));
        }
        Assert.Equal(CustodyAccountState.MaxClosedHolds + 1, grain.State.Holds.Count);
        Assert.Equal("open", grain.State.Holds[0].OrderId);
        Assert.Equal("o5", grain.State.Holds[1].OrderId);
        Assert.Equal("1", grain.State.Held);
    }

    private static DepositObserved Deposit(string tx, string amount, bool confirmed, string block = "0xb1") =>
        new(Wallet, Custody, amount, tx, 10, block, confirmed, false);

    private static CustodyAccountGrain NewGrain()
    {
        var grain = (CustodyAccountGrain)CustodyAccountGrain.Definition.Activate();
        ((IGrainActivation)grain).Activate(Wallet, null, 0);
        return grain;
    }

    private static async Task<Step> Send(CustodyAccountGrain grain, IEvent payload)
    {
        var envelope = EventEnvelope.Create(Wallet, payload, T0);
        var context = new GrainContext(Wallet, T0, envelope, CustodyAccountGrain.Definition);
        await ((IGrainActivation)grain).ReceiveAsync(context, envelope);
        return new Step([.. context.Emitted.Select(e => (e.Topic, EnvelopeSerializer.Deserialize(e.Value).Payload))],
            [.. context.Ledger.Select(l => System.Text.Json.JsonSerializer.Deserialize(l.Entry, LedgerJsonContext.Default.LedgerEntry)!)]);
    }

    private sealed record Step(IReadOnlyList<(string Topic, IEvent Payload)> Emitted, IReadOnlyList<LedgerEntry> Ledger)
    {
        public IEnumerable<IEvent> On(TopicDefinition topic) => Emitted.Where(e => e.Topic == topic.Name).Select(e => e.Payload);
    }
}
