using Commerce.Actors.NftItem;
using Commerce.Actors.PlayerSession;
using Commerce.Actors.Tests.Harness;
using Commerce.Events.Player;
using Commerce.Events.Topics;
using Commerce.Messaging.Embedded;

namespace Commerce.Actors.Tests;

/// <summary>The embedded brokers fail under the platform while records flow in: nothing is lost and nothing is applied twice.</summary>
public sealed class BrokerFaultTests
{
    [Fact]
    public async Task Brokers_going_down_and_up_mid_stream_lose_nothing_and_double_nothing()
    {
        await using var database = await PlatformDatabase.CreateAsync(PlatformDatabase.Sqlite);
        using var cluster = EmbeddedKafkaCluster.Start(3, TopicCatalog.All);
        await using var platform = await PlatformHarness.StartAsync(database, cluster.BootstrapServers);
        const int players = 20;
        const int perPlayer = 30;
        var sends = new List<Task>();
        for (var n = 0; n < perPlayer; n++)
        {
            if (n == 10) cluster.SetBrokerDown(2);
            if (n == 15) cluster.SetBrokerDown(3);
            if (n == 20) { cluster.SetBrokerUp(2); cluster.SetBrokerUp(3); cluster.SetBrokerDown(1); }
            if (n == 25) cluster.SetBrokerUp(1);
            for (var p = 0; p < players; p++)
            {
                var player = $"0xfault{p:d2}";
                sends.Add(platform.Producer.PublishAsync(TopicCatalog.PlayerEvents, player, new InterestShown(player, $"dragons:{n}", 1, "faults")));
            }
        }
        await Task.WhenAll(sends);
        // A last record per player: once it is stored, every record before it on the player's partition was applied.
        for (var p = 0; p < players; p++)
            await platform.Producer.PublishAsync(TopicCatalog.PlayerEvents, $"0xfault{p:d2}", new LoyaltyUpdated($"0xfault{p:d2}", "gold", 1m));

        for (var p = 0; p < players; p++)
        {
            var state = await platform.WaitForStateAsync<PlayerSessionState>(PlayerSessionGrain.TypeName, $"0xfault{p:d2}", s => s.LoyaltyTier == "gold",
                "the loyalty update published after the player's interests applied");
            if (state.InterestCount != perPlayer || state.PushSeq != perPlayer)
                Assert.Fail(await DescribeAsync(platform, cluster, $"0xfault{p:d2}", perPlayer, state));
        }
        for (var n = 0; n < perPlayer; n++)
            Assert.Equal((long?)players, (await platform.StateAsync<NftItemState>(NftItemGrain.TypeName, $"dragons:{n}"))?.InterestTotal);
    }

    /// <summary>A player counted wrong: its records as the topic holds them (a record stored twice shows as two offsets) and what the platform logged.</summary>
    private static async Task<string> DescribeAsync(PlatformHarness platform, EmbeddedKafkaCluster cluster, string player, int expected, PlayerSessionState state)
    {
        var records = await KafkaTopics.ReadUntilAsync(cluster.BootstrapServers, TopicCatalog.PlayerEvents, _ => true,
            PlatformHarness.Deadline, "the player events topic to the end");
        var own = records.Where(r => r.Key == player).ToList();
        var repeated = string.Join("; ", own.GroupBy(r => r.Envelope.Id).Where(g => g.Count() > 1)
            .Select(g => string.Join(" and ", g.Select(r => $"{r.Partition}@{r.Offset}"))));
        return $"{player}: expected {expected} interests and pushes, got {state.InterestCount} interests and push {state.PushSeq}; "
            + $"the topic holds {own.Count(r => r.Envelope.Type == nameof(InterestShown))} of its interests"
            + $" (event ids stored twice: {(repeated.Length == 0 ? "none" : repeated)}); "
            + $"offsets {string.Join(",", own.Select(r => $"{r.Partition}@{r.Offset}"))}{Environment.NewLine}{platform.Log.Tail(60)}";
    }
}
