using System.Numerics;
using Commerce.Actors.Orders;
using Commerce.Actors.Runtime;
using Commerce.Chain.Contracts;
using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;
using Commerce.Events;
using Commerce.Events.Chain;
using Commerce.Events.Custody;
using Commerce.Events.Envelope;
using Commerce.Events.Items;
using Commerce.Events.Orders;
using Commerce.Events.Player;
using Commerce.Events.Topics;

namespace Commerce.Actors.Tests;

/// <summary>The custodial order path on one order grain (docs/ORDERS.md, "custodial"), message by message.</summary>
public sealed class OrderGrainCustodialTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private const string OrderId = "0x1111111111111111111111111111111111111111111111111111111111111111";
    private const string Wallet = "0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string Collection = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
    private static readonly string MintId = OrderGrain.MintCommandId(OrderId);

    [Fact]
    public async Task A_reserved_custodial_order_asks_the_custody_account_for_the_price()
    {
        var grain = NewGrain();
        await Send(grain, Placed());
        var step = await Send(grain, Reserved());
        Assert.Equal(OrderStatus.Reserved, grain.State.Status);
        Assert.Equal(new HoldRequested(Wallet, OrderId, "ETH", "1000"), Assert.Single(step.On(TopicCatalog.CustodyEvents)));
    }

    [Fact]
    public async Task Funds_held_ask_the_executor_for_the_mint_to_the_wallet_hold_the_item_until_it_settles_and_stop_the_payment_timeout()
    {
        var grain = await PaidAsync();
        Assert.Equal(OrderStatus.Paid, grain.State.Status);
        Assert.Equal("1000", grain.State.TotalPaid);
        var step = _lastStep!;
        var command = Assert.IsType<ChainCommandRequested>(Assert.Single(step.On(TopicCatalog.ChainCommands)));
        Assert.Equal(new ChainCommandRequested(MintId, "mint", Collection, "0", OrderGrain.MintCall(Wallet, "7"), 0, null), command);
        Assert.Contains(step.Reminders, r => r.Name == OrderGrain.PaymentReminder && r.DueAt is null);
        Assert.Equal(OrderStatus.Paid, step.On(TopicCatalog.PlayerEvents).OfType<OrderUpdated>().Single().Status);
        var paidFor = Assert.IsType<ItemPaidFor>(Assert.Single(step.On(TopicCatalog.ItemEvents)));
        Assert.Equal(("dragons:7", OrderId, Wallet), (paidFor.ItemId, paidFor.OrderId, paidFor.Buyer));
    }

    [Fact]
    public async Task A_mint_the_executor_never_answered_is_asked_again_with_the_same_command_id_until_it_does()
    {
        var grain = await PaidAsync();
        var check = Assert.Single(_lastStep!.Reminders, r => r.Name == OrderGrain.MintReminder);
        Assert.Equal(T0 + OrderGrain.MintRecheck, check.DueAt);

        // The request was lost (e.g. the embedded broker restarted): the check asks again, same id, and checks back.
        var again = await Send(grain, new OrderTimedOut(OrderId, OrderGrain.MintReminder));
        var command = Assert.IsType<ChainCommandRequested>(Assert.Single(again.On(TopicCatalog.ChainCommands)));
        Assert.Equal(MintId, command.CommandId);
        Assert.Contains(again.Reminders, r => r.Name == OrderGrain.MintReminder && r.DueAt is not null);
        Assert.Equal(OrderStatus.Paid, grain.State.Status);

        // Once the executor speaks, the check stops; a check already on its way asks nothing.
        var submitted = await Send(grain, Delivery(ChainTransactionUpdated.Submitted));
        Assert.Contains(submitted.Reminders, r => r.Name == OrderGrain.MintReminder && r.DueAt is null);
        Assert.Empty((await Send(grain, new OrderTimedOut(OrderId, OrderGrain.MintReminder))).Emitted);
        Assert.Equal(OrderStatus.Delivering, grain.State.Status);
    }

    [Theory]
    [InlineData("0x00000000000000000000000000000000000000aa", "5",
        "0xd3fc986400000000000000000000000000000000000000000000000000000000000000aa000000000000000000000000000000000000000000000000000000000000000500000000000000000000000000000000000000000000000000000000000000600000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("0xAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "0",
        "0xd3fc9864000000000000000000000000aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000600000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("0x00000000000000000000000000000000000000aa", "256",
        "0xd3fc986400000000000000000000000000000000000000000000000000000000000000aa000000000000000000000000000000000000000000000000000000000000010000000000000000000000000000000000000000000000000000000000000000600000000000000000000000000000000000000000000000000000000000000000")]
    public void The_mint_call_data_is_the_abi_encoding_of_mint_to_token_and_an_empty_uri(string to, string tokenId, string expected) =>
        Assert.Equal(expected, OrderGrain.MintCall(to, tokenId));

    [Fact]
    public async Task The_submitted_mint_moves_the_order_to_delivering_and_its_confirmation_completes_it_and_spends_the_hold()
    {
        var grain = await PaidAsync();
        var submitted = await Send(grain, Delivery(ChainTransactionUpdated.Submitted));
        Assert.Equal(OrderStatus.Delivering, grain.State.Status);
        Assert.Equal(OrderStatus.Delivering, submitted.On(TopicCatalog.PlayerEvents).OfType<OrderUpdated>().Single().Status);
        Assert.Empty((await Send(grain, Delivery(ChainTransactionUpdated.Mined))).Emitted);

        var confirmed = await Send(grain, Delivery(ChainTransactionUpdated.Confirmed));
        Assert.Equal(OrderStatus.Completed, grain.State.Status);
        Assert.True(grain.State.Terminal);
        Assert.Equal(new HoldCaptureRequested(Wallet, OrderId), Assert.Single(confirmed.On(TopicCatalog.CustodyEvents)));
        Assert.Equal(new ItemSold("dragons:7", OrderId, Wallet, Minted: true), Assert.Single(confirmed.On(TopicCatalog.ItemEvents)));
        Assert.Equal(OrderStatus.Completed, confirmed.On(TopicCatalog.PlayerEvents).OfType<OrderUpdated>().Single().Status);
    }

    [Fact]
    public async Task A_confirmation_without_the_submitted_step_still_completes()
    {
        var grain = await PaidAsync();
        await Send(grain, Delivery(ChainTransactionUpdated.Confirmed));
        Assert.Equal(OrderStatus.Completed, grain.State.Status);
    }

    [Theory]
    [InlineData("reverted")]
    [InlineData("refused before sending: it would revert (gas estimation: execution reverted)")]
    [InlineData("cancelled by a no-op")]
    public async Task A_failed_mint_releases_the_hold_frees_the_item_and_ends_the_order_refunded(string reason)
    {
        var grain = await PaidAsync();
        await Send(grain, Delivery(ChainTransactionUpdated.Submitted));
        var failed = await Send(grain, Delivery(ChainTransactionUpdated.Failed, reason));
        Assert.Equal(OrderStatus.Refunded, grain.State.Status);
        Assert.True(grain.State.Terminal);
        Assert.Equal("0", grain.State.TotalPaid);
        Assert.Equal(new HoldReleaseRequested(Wallet, OrderId, $"the mint failed: {reason}"), Assert.Single(failed.On(TopicCatalog.CustodyEvents)));
        Assert.Equal(new ReservationReleased("dragons:7", OrderId, "the mint failed"), Assert.Single(failed.On(TopicCatalog.ItemEvents)));
        var update = failed.On(TopicCatalog.PlayerEvents).OfType<OrderUpdated>().Single();
        Assert.Equal(OrderStatus.Refunded, update.Status);
        Assert.Contains(reason, update.Detail);
    }

    [Fact]
    public async Task After_its_one_terminal_state_repeated_and_late_updates_change_nothing()
    {
        var grain = await PaidAsync();
        await Send(grain, Delivery(ChainTransactionUpdated.Failed, "reverted"));
        foreach (var late in new IEvent[]
        {
            Delivery(ChainTransactionUpdated.Failed, "reverted"),
            Delivery(ChainTransactionUpdated.Confirmed),
            Delivery(ChainTransactionUpdated.Submitted),
            new HoldRefused(OrderId, Wallet, "ETH", "1000", "insufficient balance"),
            new OrderTimedOut(OrderId, OrderGrain.PaymentReminder),
            new ReservationExpired("dragons:7", OrderId),
        })
        {
            var step = await Send(grain, late);
            Assert.Equal(OrderStatus.Refunded, grain.State.Status);
            Assert.Empty(step.Emitted);
        }
    }

    [Fact]
    public async Task A_repeated_funds_held_while_the_mint_is_under_way_asks_for_nothing_more()
    {
        var grain = await PaidAsync();
        var again = await Send(grain, Held());
        Assert.Empty(again.Emitted);
        Assert.Equal(OrderStatus.Paid, grain.State.Status);
        await Send(grain, Delivery(ChainTransactionUpdated.Submitted));
        Assert.Empty((await Send(grain, Held())).Emitted);
    }

    [Fact]
    public async Task Funds_held_for_an_order_that_was_already_cancelled_go_straight_back()
    {
        var grain = NewGrain();
        await Send(grain, Placed());
        await Send(grain, Reserved());
        await Send(grain, new OrderTimedOut(OrderId, OrderGrain.PaymentReminder));
        Assert.Equal(OrderStatus.Cancelled, grain.State.Status);
        var late = await Send(grain, Held());
        Assert.Equal(new HoldReleaseRequested(Wallet, OrderId, "the order is cancelled"), Assert.Single(late.On(TopicCatalog.CustodyEvents)));
        Assert.Empty(late.On(TopicCatalog.ChainCommands));
        Assert.Equal(OrderStatus.Cancelled, grain.State.Status);
    }

    [Fact]
    public async Task A_refused_hold_cancels_the_order_and_frees_the_item()
    {
        var grain = NewGrain();
        await Send(grain, Placed());
        await Send(grain, Reserved());
        var step = await Send(grain, new HoldRefused(OrderId, Wallet, "ETH", "1000", "insufficient balance: 10 wei available, 1000 wei asked"));
        Assert.Equal(OrderStatus.Cancelled, grain.State.Status);
        Assert.True(grain.State.Terminal);
        Assert.Equal(new ReservationReleased("dragons:7", OrderId, "the custodial balance did not cover the price"), Assert.Single(step.On(TopicCatalog.ItemEvents)));
        Assert.StartsWith("insufficient balance", step.On(TopicCatalog.PlayerEvents).OfType<OrderUpdated>().Single().Detail);
        Assert.Empty(step.On(TopicCatalog.ChainCommands));
        Assert.Contains(step.Reminders, r => r.Name == OrderGrain.PaymentReminder && r.DueAt is null);
    }

    [Fact]
    public async Task Updates_of_other_commands_and_of_non_custodial_orders_are_only_recorded()
    {
        var grain = await PaidAsync();
        var other = await Send(grain, new DeliveryUpdated(OrderId, $"order:{OrderId}:refund", ChainTransactionUpdated.Failed, "reverted"));
        Assert.Empty(other.Emitted);
        Assert.Equal(OrderStatus.Paid, grain.State.Status);

        var eth = NewGrain();
        await Send(eth, Placed() with { PaymentKind = "eth" });
        var reserved = await Send(eth, Reserved());
        Assert.Empty(reserved.On(TopicCatalog.CustodyEvents));
        Assert.Empty((await Send(eth, Delivery(ChainTransactionUpdated.Confirmed))).Emitted);
        Assert.Empty((await Send(eth, Held())).On(TopicCatalog.ChainCommands));
        Assert.Equal(OrderStatus.Reserved, eth.State.Status);
    }

    [Fact]
    public async Task A_token_the_checkout_holds_is_delivered_by_release_item_and_its_confirmation_sells_it_without_a_mint()
    {
        const string checkout = "0xcccccccccccccccccccccccccccccccccccccccc";
        var grain = (OrderGrain)OrderGrain.DefinitionFor(new OrderOptions { CheckoutAddress = checkout }).Activate();
        ((IGrainActivation)grain).Activate(OrderId, null, 0);
        await Send(grain, Placed() with { DeliverFromCheckout = true });
        await Send(grain, Reserved());
        var held = await Send(grain, Held());

        var releaseId = OrderGrain.ReleaseCommandId(OrderId);
        var command = Assert.IsType<ChainCommandRequested>(Assert.Single(held.On(TopicCatalog.ChainCommands)));
        Assert.Equal(new ChainCommandRequested(releaseId, "release", checkout, "0", OrderGrain.ReleaseCall(Collection, "7", Wallet), 0, null), command);
        Assert.Equal(HexString.Encode(CheckoutAbi.ReleaseItem.EncodeCall(EthAddress.Parse(Collection), new BigInteger(7), EthAddress.Parse(Wallet))),
            OrderGrain.ReleaseCall(Collection, "7", Wallet));
        Assert.Contains("releasing token 7", grain.State.History[^1].Detail);

        // The word on a mint command is not this order's delivery: recorded, nothing changes.
        Assert.Empty((await Send(grain, Delivery(ChainTransactionUpdated.Confirmed))).Emitted);
        Assert.Equal(OrderStatus.Paid, grain.State.Status);
        var done = await Send(grain, new DeliveryUpdated(OrderId, releaseId, ChainTransactionUpdated.Confirmed, null));
        Assert.Equal(OrderStatus.Completed, grain.State.Status);
        Assert.Equal(new ItemSold("dragons:7", OrderId, Wallet, Minted: false), Assert.Single(done.On(TopicCatalog.ItemEvents)));
        Assert.Equal(new HoldCaptureRequested(Wallet, OrderId), Assert.Single(done.On(TopicCatalog.CustodyEvents)));
    }

    [Fact]
    public async Task Without_a_checkout_to_release_from_the_order_asks_for_the_mint()
    {
        // (the executor refuses a mint of an existing token at estimation, and the order ends refunded)
        var grain = NewGrain();
        await Send(grain, Placed() with { DeliverFromCheckout = true });
        await Send(grain, Reserved());
        var command = Assert.IsType<ChainCommandRequested>(Assert.Single((await Send(grain, Held())).On(TopicCatalog.ChainCommands)));
        Assert.Equal((MintId, "mint"), (command.CommandId, command.Kind));
    }

    private Step? _lastStep;

    private async Task<OrderGrain> PaidAsync()
    {
        var grain = NewGrain();
        await Send(grain, Placed());
        await Send(grain, Reserved());
        _lastStep = await Send(grain, Held());
        return grain;
    }

    private static OrderPlaced Placed() =>
        new(OrderId, Wallet, Wallet, "dragons:7",
            new OrderQuote(Collection, "7", Wallet, "0x0000000000000000000000000000000000000000", "1000", 1, T0.AddMinutes(10).ToUnixTimeSeconds(), OrderId),
            "0xsig", OrderGrain.CustodialKind, "k1");

    private static ItemReserved Reserved() => new(OrderId, "dragons:7", Wallet, T0.AddMinutes(15));

    private static FundsHeld Held() => new(OrderId, Wallet, "ETH", "1000");

    private static DeliveryUpdated Delivery(string status, string? detail = null) => new(OrderId, MintId, status, detail);

    private static OrderGrain NewGrain()
    {
        var grain = (OrderGrain)OrderGrain.Definition.Activate();
        ((IGrainActivation)grain).Activate(OrderId, null, 0);
        return grain;
    }

    private static async Task<Step> Send(OrderGrain grain, IEvent payload)
    {
        var envelope = EventEnvelope.Create(OrderId, payload, T0);
        var context = new GrainContext(OrderId, T0, envelope, OrderGrain.Definition);
        await ((IGrainActivation)grain).ReceiveAsync(context, envelope);
        return new Step([.. context.Emitted.Select(e => (e.Topic, EnvelopeSerializer.Deserialize(e.Value).Payload))], context.Reminders);
    }

    private sealed record Step(IReadOnlyList<(string Topic, IEvent Payload)> Emitted, IReadOnlyList<Commerce.Actors.Storage.ReminderWrite> Reminders)
    {
        public IEnumerable<IEvent> On(TopicDefinition topic) => Emitted.Where(e => e.Topic == topic.Name).Select(e => e.Payload);
    }
}
