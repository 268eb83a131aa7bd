using Commerce.Actors.Auctions;
using Commerce.Actors.NftItem;
using Commerce.Actors.Tests.Harness;
using Commerce.Events;
using Commerce.Events.Auctions;
using Commerce.Events.Items;
using Commerce.Events.Orders;
using Commerce.Events.Topics;
using Commerce.Pricing.Offers;

namespace Commerce.Actors.Tests.Auctions;

/// <summary>An auction in the item's grain, in Orleans' test cluster over SQLite, at a clock the test moves.</summary>
public sealed class AuctionGrainTests(AuctionClusterFixture fixture) : IClassFixture<AuctionClusterFixture>
{
    private static readonly DateTimeOffset T0 = AuctionClusterFixture.T0;
    private const string Alice = "0xa11ce00000000000000000000000000000000001";
    private const string Bob = "0xb0b0000000000000000000000000000000000002";
    private const string Carol = "0xca201000000000000000000000000000000000c3";

    private GrainCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Bidders_racing_at_the_same_price_get_exactly_one_acceptance_and_the_rest_the_new_minimum()
    {
        var auction = await AuctionDriver.ListedAsync(Cluster, T0);
        await auction.OpenAsync(T0);
        Cluster.Clock.Set(T0.AddMinutes(1));
        var bidders = Enumerable.Range(0, 20).Select(i => $"0x{i:x40}").ToList();

        var answers = await Task.WhenAll(bidders.Select(b =>
            auction.Grain.BidAsync(new BidSubmitted(auction.ItemId, $"bid-{b}", b, 1m, "ETH", "player"))));

        var payloads = answers.Select(a => Assert.Single(a.Events).Payload).ToList();
        var accepted = Assert.Single(payloads.OfType<BidAccepted>());
        var refused = payloads.OfType<BidRefused>().ToList();
        Assert.Equal(19, refused.Count);
        Assert.All(refused, r => Assert.Equal((BidRefusal.TooLow, (decimal?)1.05m), (r.Reason, r.Minimum)));
        var stored = await auction.AuctionAsync();
        Assert.Equal((1, accepted.Bidder), (stored.BidCount, stored.Highest!.Bidder));
        Assert.Single((await Cluster.OutboxOfAsync(TopicCatalog.AuctionEvents, auction.ItemId)).OfType<BidAccepted>());
    }

    [Fact]
    public async Task A_refused_bid_is_answered_with_the_minimum_and_writes_nothing()
    {
        var auction = await AuctionDriver.ListedAsync(Cluster, T0);
        await auction.OpenAsync(T0, reserve: 2m);
        Assert.IsType<BidAccepted>(await auction.BidAsync(Alice, 2m, T0.AddMinutes(1)));
        var version = await auction.VersionAsync();

        var tooLow = Assert.IsType<BidRefused>(await auction.BidAsync(Bob, 2.09m, T0.AddMinutes(2)));
        var self = Assert.IsType<BidRefused>(await auction.BidAsync(Alice, 3m, T0.AddMinutes(2)));

        Assert.Equal((BidRefusal.TooLow, (decimal?)2.1m), (tooLow.Reason, tooLow.Minimum));
        Assert.Equal(BidRefusal.AlreadyHighest, self.Reason);
        Assert.Equal(version, await auction.VersionAsync());
    }

    [Fact]
    public async Task A_repeated_bid_id_is_answered_as_the_first_and_stored_and_published_once()
    {
        var auction = await AuctionDriver.ListedAsync(Cluster, T0);
        await auction.OpenAsync(T0);
        var first = Assert.IsType<BidAccepted>(await auction.BidAsync(Alice, 1m, T0.AddMinutes(1), "alice-1"));
        Assert.IsType<BidAccepted>(await auction.BidAsync(Bob, 1.5m, T0.AddMinutes(2)));

        var again = Assert.IsType<BidAccepted>(await auction.BidAsync(Alice, 1m, T0.AddMinutes(3), "alice-1"));

        Assert.Equal((first.Seq, first.Amount, first.At), (again.Seq, again.Amount, again.At));
        Assert.Equal(2, (await auction.AuctionAsync()).BidCount);
        Assert.Equal(2, (await Cluster.OutboxOfAsync(TopicCatalog.AuctionEvents, auction.ItemId)).OfType<BidAccepted>().Count());
    }

    [Fact]
    public async Task Cancel_and_a_new_reserve_are_taken_only_before_the_first_bid()
    {
        var auction = await AuctionDriver.ListedAsync(Cluster, T0);
        await auction.OpenAsync(T0, reserve: 1m);
        Assert.IsType<BidRefused>(await auction.BidAsync(Alice, 0.5m, T0.AddMinutes(1)));
        Cluster.Clock.Set(T0.AddMinutes(1));
        Assert.IsType<AuctionReserveChanged>(Assert.Single((await auction.Grain.ChangeReserveAsync(
            new AuctionReserveChanged(auction.ItemId, AuctionDriver.AuctionId, 0.5m))).Events).Payload);
        Assert.IsType<BidAccepted>(await auction.BidAsync(Alice, 0.5m, T0.AddMinutes(2)));

        var change = Assert.IsType<AuctionRefused>(Assert.Single((await auction.Grain.ChangeReserveAsync(
            new AuctionReserveChanged(auction.ItemId, AuctionDriver.AuctionId, 0.1m))).Events).Payload);
        var cancel = Assert.IsType<AuctionRefused>(Assert.Single((await auction.Grain.CancelAuctionAsync(
            new AuctionCancelled(auction.ItemId, AuctionDriver.AuctionId, "marketing"))).Events).Payload);

        Assert.Equal("auctionId", change.Field);
        Assert.Contains("has bids", cancel.Reason);
        Assert.Equal((AuctionPhase.Open, 0.5m), ((await auction.AuctionAsync()).Phase, (await auction.AuctionAsync()).Reserve));
    }

    [Fact]
    public async Task A_cancelled_auction_frees_the_item_once_and_refuses_later_bids()
    {
        var auction = await AuctionDriver.ListedAsync(Cluster, T0);
        await auction.OpenAsync(T0);
        Assert.Equal(ItemStatus.Auctioned, (await auction.StateAsync()).Status);
        var cancel = new AuctionCancelled(auction.ItemId, AuctionDriver.AuctionId, "marketing");

        await auction.Grain.CancelAuctionAsync(cancel);
        Assert.IsType<AuctionCancelled>(Assert.Single((await auction.Grain.CancelAuctionAsync(cancel)).Events).Payload);

        Assert.Equal(ItemStatus.Available, (await auction.StateAsync()).Status);
        Assert.Equal(BidRefusal.Ended, Assert.IsType<BidRefused>(await auction.BidAsync(Alice, 5m, T0.AddMinutes(1))).Reason);
        var ended = Assert.Single((await Cluster.OutboxOfAsync(TopicCatalog.ItemEvents, auction.ItemId)).OfType<AuctionEnded>());
        Assert.Equal(AuctionOutcome.Cancelled, ended.Outcome);
    }

    [Fact]
    public async Task An_auction_is_refused_for_an_unlisted_or_held_item_and_for_bad_terms_naming_the_field()
    {
        var unlisted = new AuctionDriver(Cluster, $"dragons:{Guid.NewGuid():N}");
        Assert.Equal("itemId", Assert.IsType<AuctionRefused>(await unlisted.OpenAsync(T0)).Field);

        var held = await AuctionDriver.ListedAsync(Cluster, T0);
        Cluster.Clock.Set(T0);
        await held.Grain.ReserveAsync(new ReservationRequested(held.ItemId, "order-1", Alice, T0.AddMinutes(15)));
        var refused = Assert.IsType<AuctionRefused>(await held.OpenAsync(T0));
        Assert.Equal(("itemId", "the item is held for order order-1"), (refused.Field, refused.Reason));

        var item = await AuctionDriver.ListedAsync(Cluster, T0);
        Assert.Equal("reserve", Assert.IsType<AuctionRefused>(await item.OpenAsync(T0, reserve: 0m)).Field);
        Assert.Equal("incrementPercent", Assert.IsType<AuctionRefused>(await item.OpenAsync(T0, increment: 0)).Field);

        // An auction holds the item: an order cannot reserve it.
        await item.OpenAsync(T0);
        var answer = await item.Grain.ReserveAsync(new ReservationRequested(item.ItemId, "order-2", Alice, T0.AddMinutes(15)));
        Assert.Equal("the item is held for its auction", Assert.IsType<ReservationRefused>(Assert.Single(answer.Events).Payload).Reason);
    }

    [Fact]
    public async Task A_late_bid_moves_the_end_and_the_reminder_at_the_old_end_closes_nothing()
    {
        var auction = await AuctionDriver.ListedAsync(Cluster, T0);
        await auction.OpenAsync(T0);
        var first = Assert.IsType<BidAccepted>(await auction.BidAsync(Alice, 1m, T0));
        var end = first.EndsAt;
        var late = Assert.IsType<BidAccepted>(await auction.BidAsync(Bob, 1.05m, end.AddMinutes(-1)));
        Assert.Equal(end.AddMinutes(14), late.EndsAt);

        await auction.TickAsync(end);

        Assert.Equal(AuctionPhase.Open, (await auction.AuctionAsync()).Phase);
        Assert.IsType<BidAccepted>(await auction.BidAsync(Alice, 1.2m, end.AddMinutes(1)));
        Assert.Equal(BidRefusal.Ended, Assert.IsType<BidRefused>(await auction.BidAsync(Bob, 5m, end.AddMinutes(16))).Reason);
        var pending = await Cluster.PendingRemindersOfAsync(NftItemGrain.TypeName, auction.ItemId);
        Assert.Equal(end.AddMinutes(14), pending["auction"].DueAt);
    }

    [Fact]
    public async Task The_winner_gets_a_signed_quote_losers_are_told_and_the_winners_payment_ends_it_sold_once()
    {
        var auction = await AuctionDriver.ListedAsync(Cluster, T0);
        await auction.OpenAsync(T0, payment: TimeSpan.FromMinutes(10));
        await auction.BidAsync(Alice, 1m, T0);
        await auction.BidAsync(Bob, 1.05m, T0.AddMinutes(1));
        await auction.BidAsync(Carol, 1.2m, T0.AddMinutes(2));
        var end = (await auction.AuctionAsync()).EndsAt!.Value;

        await auction.TickAsync(end);

        var offered = Assert.Single((await Cluster.OutboxOfAsync(TopicCatalog.PlayerEvents, Carol)).OfType<AuctionWinnerOffered>(),
            o => o.ItemId == auction.ItemId);
        Assert.Equal((1, 1.2m, end.AddMinutes(10)), (offered.Round, offered.Price, offered.PayBy));
        var quote = offered.Quote!;
        Assert.Equal(("1200000000000000000", offered.PayBy.ToUnixTimeSeconds(), fixture.QuoteKey.Address.ToString()),
            (quote.Price, quote.Expiry, quote.Signer));
        var signer = fixture.Signer;
        var terms = new Quote(quote.QuoteId, Carol, auction.ItemId, "dragons", "ETH", 1_200_000_000_000_000_000, offered.PayBy, Eip712AuctionQuoteSigner.PolicyVersion);
        Assert.Equal(fixture.QuoteKey.Address, signer.RecoverSigner(signer.Describe(terms), quote.Signature));
        foreach (var loser in new[] { Alice, Bob })
        {
            var lost = Assert.Single((await Cluster.OutboxOfAsync(TopicCatalog.PlayerEvents, loser)).OfType<AuctionLost>(), l => l.ItemId == auction.ItemId);
            Assert.Equal(1.2m, lost.WinningBid);
        }
        Assert.Single((await Cluster.OutboxOfAsync(TopicCatalog.AuctionEvents, auction.ItemId)).OfType<AuctionClosed>());

        // Only the quote's order may hold the item; its sale ends the auction, once.
        var orderId = quote.Nonce.ToLowerInvariant();
        Cluster.Clock.Set(end.AddMinutes(1));
        Assert.IsType<ReservationRefused>(Assert.Single((await auction.Grain.ReserveAsync(new ReservationRequested(auction.ItemId, "other", Bob, end.AddMinutes(15)))).Events).Payload);
        Assert.IsType<ItemReserved>(Assert.Single((await auction.Grain.ReserveAsync(new ReservationRequested(auction.ItemId, orderId, Carol, end.AddMinutes(15)))).Events).Payload);
        await auction.Grain.SellAsync(new ItemSold(auction.ItemId, orderId, Carol, Minted: true));
        await auction.Grain.SellAsync(new ItemSold(auction.ItemId, orderId, Carol, Minted: true));
        await auction.TickAsync(end.AddMinutes(20));

        var state = await auction.StateAsync();
        Assert.Equal((ItemStatus.Minted, Carol, AuctionPhase.Ended, (AuctionOutcome?)AuctionOutcome.Sold),
            (state.Status, state.Owner, state.Auction!.Phase, state.Auction.Outcome));
        var ended = Assert.Single((await Cluster.OutboxOfAsync(TopicCatalog.ItemEvents, auction.ItemId)).OfType<AuctionEnded>());
        Assert.Equal((Carol, (decimal?)1.2m), (ended.Buyer, ended.Price));
    }

    [Fact]
    public async Task A_winner_who_does_not_pay_passes_the_item_to_the_next_highest_bidder_then_it_ends_unsold_and_is_released_once()
    {
        var auction = await AuctionDriver.ListedAsync(Cluster, T0);
        await auction.OpenAsync(T0, payment: TimeSpan.FromMinutes(10));
        await auction.BidAsync(Alice, 1m, T0);
        await auction.BidAsync(Bob, 1.5m, T0.AddMinutes(1));
        var end = (await auction.AuctionAsync()).EndsAt!.Value;
        await auction.TickAsync(end);
        var firstOrder = (await auction.AuctionAsync()).Offer!.OrderId!;

        // Bob orders but never pays: his hold runs out with the window.
        Cluster.Clock.Set(end.AddMinutes(1));
        await auction.Grain.ReserveAsync(new ReservationRequested(auction.ItemId, firstOrder, Bob, end.AddMinutes(10)));
        await auction.TickAsync(end.AddMinutes(10));

        var second = (await auction.AuctionAsync()).Offer!;
        Assert.Equal((2, Alice, 1m, end.AddMinutes(20)), (second.Round, second.Buyer, second.Price, second.PayBy));
        Assert.NotEqual(firstOrder, second.OrderId);
        Assert.Single((await Cluster.OutboxOfAsync(TopicCatalog.PlayerEvents, Alice)).OfType<AuctionWinnerOffered>(), o => o.ItemId == auction.ItemId);
        Assert.IsType<ReservationRefused>(Assert.Single((await auction.Grain.ReserveAsync(
            new ReservationRequested(auction.ItemId, firstOrder, Bob, end.AddMinutes(30)))).Events).Payload);

        await auction.TickAsync(end.AddMinutes(20));
        await auction.TickAsync(end.AddMinutes(40));

        var state = await auction.StateAsync();
        Assert.Equal((ItemStatus.Available, AuctionPhase.Ended, (AuctionOutcome?)AuctionOutcome.Unsold),
            (state.Status, state.Auction!.Phase, state.Auction.Outcome));
        Assert.Single((await Cluster.OutboxOfAsync(TopicCatalog.ItemEvents, auction.ItemId)).OfType<AuctionEnded>());
        Assert.Empty(await Cluster.PendingRemindersOfAsync(NftItemGrain.TypeName, auction.ItemId));
        // Free again: an order may reserve it.
        Cluster.Clock.Set(end.AddMinutes(41));
        Assert.IsType<ItemReserved>(Assert.Single((await auction.Grain.ReserveAsync(
            new ReservationRequested(auction.ItemId, "later", Carol, end.AddMinutes(55)))).Events).Payload);
    }

    [Fact]
    public async Task A_marketplace_bid_from_the_item_events_topic_feeds_the_same_auction_once()
    {
        var auction = await AuctionDriver.ListedAsync(Cluster, T0);
        await auction.OpenAsync(T0);
        await auction.BidAsync(Alice, 1m, T0);
        var bid = new BidSubmitted(auction.ItemId, "opensea:77", Bob, 1.1m, "ETH", "opensea");

        Cluster.Clock.Set(T0.AddMinutes(1));
        var offset = await Cluster.ApplyAsync<INftItemGrain>(auction.ItemId, bid, T0.AddMinutes(1));
        await Cluster.ApplyAtAsync<INftItemGrain>(auction.ItemId, Commerce.Events.Envelope.EventEnvelope.Create(auction.ItemId, bid, T0.AddMinutes(1)), offset);

        var stored = await auction.AuctionAsync();
        Assert.Equal((2, Bob, "opensea"), (stored.BidCount, stored.Highest!.Bidder, stored.Highest.Source));
    }
}
