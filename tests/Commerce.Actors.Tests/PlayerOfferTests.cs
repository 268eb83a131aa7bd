using Commerce.Actors.PlayerSession;
using Commerce.Actors.Tests.Harness;
using Commerce.Events.Offers;
using Commerce.Events.Pushes;
using Commerce.Events.Topics;

namespace Commerce.Actors.Tests;

/// <summary>
/// Live pricing hands its offers to the player's session by call (<see cref="SessionOfferRecipient"/>): the session
/// keeps the offered items and pushes the offer once per offer id, however often pricing hands it over.
/// </summary>
public sealed class PlayerOfferTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    private GrainCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task An_offer_handed_over_twice_is_kept_and_pushed_once()
    {
        var player = "0x" + Guid.NewGuid().ToString("N")[..20];
        var recipient = new SessionOfferRecipient(Cluster.Grains);
        var offer = Offer(player, "offer-1", "dragons:1", "dragons:4");

        await recipient.DeliverAsync(offer, CancellationToken.None);
        await recipient.DeliverAsync(offer, CancellationToken.None); // pricing again after a restart, before its commit
        await recipient.DeliverAsync(Offer(player, "offer-2", "dragons:7"), CancellationToken.None);

        var pushes = (await Cluster.OutboxOfAsync(TopicCatalog.PlayerPushes, player)).Cast<PlayerPushed>().ToList();
        Assert.Equal([("OfferMade", 1L), ("OfferMade", 2L)], pushes.Select(p => (p.Kind, p.Seq)));
        Assert.Contains("\"offerId\":\"offer-1\"", pushes[0].BodyJson);
        Assert.Contains("\"offerId\":\"offer-2\"", pushes[1].BodyJson);
        var session = await Cluster.StateAsync<PlayerSessionState>(PlayerSessionGrain.TypeName, player);
        Assert.Equal(["dragons:7", "dragons:1", "dragons:4"], session!.RecentOffers.Select(o => o.ItemId));
    }

    [Fact]
    public async Task An_offer_to_another_player_is_refused_and_changes_nothing()
    {
        var player = "0x" + Guid.NewGuid().ToString("N")[..20];
        var session = Cluster.Grains.GetGrain<IPlayerSessionGrain>(player);

        await Assert.ThrowsAsync<ArgumentException>(() => session.ReceiveOfferAsync(Offer("0xsomeone-else", "offer-x", "dragons:1")));

        Assert.Empty(await Cluster.OutboxOfAsync(TopicCatalog.PlayerPushes, player));
        Assert.Null(await Cluster.StateAsync<PlayerSessionState>(PlayerSessionGrain.TypeName, player));
    }

    private static OfferMade Offer(string player, string offerId, params string[] items)
    {
        var at = GrainClusterFixture.T0;
        return new OfferMade(player, offerId, "v1", at, at.AddMinutes(5),
        [
            .. items.Select((item, i) => new OfferedItem(i + 1, item, "dragons", "epic", "0.1", "0.12", "ETH", at.AddMinutes(5),
                [new OfferFactor("Demand", "0.02", 200_000)],
                new SignedQuote($"{offerId}-{i}", 31337, "0x01", "0x02", item.Split(':')[1], player, "0x00", "100000000000000000", 1,
                    at.AddMinutes(5).ToUnixTimeSeconds(), "0x" + new string('0', 63) + "1", "0x03", "0x04"))),
        ]);
    }
}
