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
        var fixture = new AuctionClusterFixture();
        await fixture.InitializeAsync();
        try
        {
            var cluster = fixture.Cluster;
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
        }
        finally
        {
            await fixture.DisposeAsync();
        }
    }
}
