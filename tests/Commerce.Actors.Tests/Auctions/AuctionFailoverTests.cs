using Commerce.Actors.Auctions;
using Commerce.Actors.NftItem;
using Commerce.Actors.Tests.Harness;
using Commerce.Events.Auctions;
using Commerce.Events.Topics;
using Microsoft.Extensions.DependencyInjection;

namespace Commerce.Actors.Tests.Auctions;

/// <summary>An auction over a restart of the silo on the same store and reminder table (a host's failure and return).</summary>
public sealed class AuctionFailoverTests
{
    private static readonly DateTimeOffset T0 = AuctionClusterFixture.T0;
    private const string Alice = "0xa11ce00000000000000000000000000000000001";
    private const string Bob = "0xb0b0000000000000000000000000000000000002";

    [Fact]
    public async Task An_auction_survives_a_restart_mid_bidding_and_an_end_passed_while_down_settles_when_the_silo_is_back()
    {
        await OnItsOwnClusterAsync(async cluster =>
        {
            var auction = await AuctionDriver.ListedAsync(cluster, T0);
            await auction.OpenAsync(T0);
            await auction.BidAsync(Alice, 1m, T0);
            var end = Assert.IsType<BidAccepted>(await auction.BidAsync(Bob, 2m, T0.AddMinutes(5))).EndsAt;

            await cluster.RestartAsync();

            // Bidding goes on from the stored auction: the minimum is still the highest bid plus 5 %.
            Assert.Equal((decimal?)2.1m, Assert.IsType<BidRefused>(await auction.BidAsync(Alice, 2.05m, T0.AddMinutes(10))).Minimum);
            Assert.IsType<BidAccepted>(await auction.BidAsync(Alice, 2.1m, T0.AddMinutes(10)));

            // Down again across the end: the new silo finds the reminder in the table and the message with the state.
            await cluster.RestartAsync();
            var table = cluster.Cluster.Silos[0].ServiceProvider.GetRequiredService<IReminderTable>();
            Assert.NotNull(await table.ReadRow(auction.Grain.GetGrainId(), "auction"));
            await auction.TickAsync(end.AddHours(3));

            var state = await auction.AuctionAsync();
            Assert.Equal((AuctionPhase.AwaitingPayment, Alice, 2.1m), (state.Phase, state.Offer!.Buyer, state.Offer.Price));
            Assert.Equal(end.AddHours(3) + state.PaymentWindow, state.Offer.PayBy);
            Assert.Single((await cluster.OutboxOfAsync(TopicCatalog.AuctionEvents, auction.ItemId)).OfType<AuctionClosed>());
        });
    }
    [Fact]
    public async Task The_kept_bids_live_in_the_journal_and_answer_a_repeated_bid_id_after_a_restart()
    {
        await OnItsOwnClusterAsync(async cluster =>
        {
            var auction = await AuctionDriver.ListedAsync(cluster, T0);
            await auction.OpenAsync(T0);
            var first = Assert.IsType<BidAccepted>(await auction.BidAsync(Alice, 1m, T0, "alice-1"));
            await auction.BidAsync(Bob, 2m, T0.AddMinutes(1), "bob-1");

            // The row holds the highest bid and the runner-up, not the list of kept bids: that is one journal entry per bid.
            var row = (await cluster.Store.LoadStateAsync(NftItemGrain.TypeName, auction.ItemId, CancellationToken.None))!.Json;
            Assert.DoesNotContain("recentBids", row);
            var journal = await cluster.Store.ReadJournalAsync(NftItemGrain.TypeName, auction.ItemId, 0, CancellationToken.None);
            Assert.Equal(["alice-1", "bob-1"], AuctionBidJournal.BidsOf(journal, AuctionDriver.AuctionId).Select(b => b.BidId));

            await cluster.RestartAsync();

            var again = Assert.IsType<BidAccepted>(await auction.BidAsync(Alice, 1m, T0.AddMinutes(2), "alice-1"));
            Assert.Equal((first.Seq, first.Amount, first.At), (again.Seq, again.Amount, again.At));
            var kept = (await auction.Grain.GetAuctionAsync())!;
            Assert.Equal(["alice-1", "bob-1"], kept.RecentBids.Select(b => b.BidId));
            Assert.Equal((Bob, Alice, 2), (kept.Highest!.Bidder, kept.RunnerUp!.Bidder, kept.BidCount));
            Assert.Equal(2, (await cluster.OutboxOfAsync(TopicCatalog.AuctionEvents, auction.ItemId)).OfType<BidAccepted>().Count());
        });
    }

    /// <summary>Runs <paramref name="test"/> on a cluster of its own, which it restarts.</summary>
    private static async Task OnItsOwnClusterAsync(Func<GrainCluster, Task> test)
    {
        var fixture = new AuctionClusterFixture();
        await fixture.InitializeAsync();
        try
        {
            await test(fixture.Cluster);
        }
        finally
        {
            await fixture.DisposeAsync();
        }
    }
}
