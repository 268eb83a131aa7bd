using Commerce.Actors.PlayerSession;
using Commerce.Actors.Serialization;
using Commerce.Events.Player;
using Commerce.Events.Topics;
using Commerce.Messaging.Embedded;

namespace Commerce.Actors.Tests;

public sealed class BrokerFaultTests
{
    [Fact]
    public async Task Brokers_going_down_and_up_mid_stream_lose_nothing_and_double_nothing()
    {
        using var db = new TempDatabase();
        using var cluster = EmbeddedKafkaCluster.Start(3, TopicCatalog.All);
        await using var runtime = await RuntimeHarness.StartAsync(cluster.BootstrapServers, "sqlite", db.ConnectionString);
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
                sends.Add(runtime.Producer.PublishAsync(TopicCatalog.PlayerEvents, player, new InterestShown(player, $"dragons:{n}", 1, "faults")));
            }
        }
        await Task.WhenAll(sends);

        for (var p = 0; p < players; p++)
        {
            var state = await GrainRuntimeTests.WaitForStateAsync(runtime, PlayerSessionGrain.TypeName, $"0xfault{p:d2}",
                GrainJsonContext.Default.PlayerSessionState, s => s.InterestCount >= perPlayer);
            Assert.Equal(perPlayer, state.InterestCount);
        }
    }
}
