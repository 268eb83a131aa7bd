using Commerce.Actors.NftItem;
using Commerce.Actors.PlayerSession;
using Commerce.Actors.Runtime;
using Commerce.Actors.Tests.Harness;
using Commerce.Events.Envelope;
using Commerce.Events.Items;
using Commerce.Events.Operations;
using Commerce.Events.Player;
using Commerce.Events.Pushes;
using Commerce.Events.Topics;
using Commerce.Messaging.Embedded;
using Confluent.Kafka;

namespace Commerce.Actors.Tests;

/// <summary>
/// The grain platform end to end on real parts (the host's Orleans silo, the store, the embedded Kafka cluster): records
/// on the input topics reach their grains, and the grains they call, once each; what cannot be applied is dead-lettered.
/// </summary>
public sealed class GrainRuntimeTests
{
    [Theory]
    [InlineData(PlatformDatabase.Sqlite)]
    [InlineData(PlatformDatabase.Postgres)]
    public async Task Interests_reach_the_players_and_by_call_their_items_once_per_record_and_are_pushed_to_the_players(string provider)
    {
        await using var database = await PlatformDatabase.CreateAsync(provider);
        await using var platform = await PlatformHarness.StartAsync(database);
        string[] players = ["0xa1", "0xa2", "0xa3", "0xa4"];
        string[] items = ["dragons:1", "dragons:2", "dragons:3"];
        foreach (var item in items)
            await platform.Producer.PublishAsync(TopicCatalog.ItemEvents, item, new ItemListed(item, "dragons", item[8..], "legendary", 1, 1, 0.5m, "ETH", null));
        for (var round = 0; round < 2; round++)
        {
            foreach (var player in players)
            {
                foreach (var item in items)
                    await platform.Producer.PublishAsync(TopicCatalog.PlayerEvents, player, new InterestShown(player, item, 2.5, "test"));
            }
        }
        // A last record per player: once it is stored, every record before it on the player's partition was applied.
        foreach (var player in players)
            await platform.Producer.PublishAsync(TopicCatalog.PlayerEvents, player, new LoyaltyUpdated(player, "gold", 10m));

        foreach (var player in players)
        {
            var state = await platform.WaitForStateAsync<PlayerSessionState>(PlayerSessionGrain.TypeName, player, s => s.LoyaltyTier == "gold",
                "the loyalty update published after the player's interests applied");
            Assert.Equal(6, state.InterestCount);
            Assert.Equal(items, state.Interests.Select(i => i.ItemId).Order());
            Assert.All(state.Interests, i => Assert.Equal((2, 5.0), (i.Count, i.TotalDwellSeconds)));
            Assert.Equal(6, state.PushSeq);
            var journal = await platform.Store.ReadJournalAsync(PlayerSessionGrain.TypeName, player, 0, CancellationToken.None);
            Assert.Equal([1L, 2L, 3L, 4L, 5L, 6L], journal.Select(j => j.Seq));
        }
        // A player stores its state after its calls returned: the items' interests are final now (their listings come
        // from another topic, in their own time).
        foreach (var item in items)
        {
            var state = await platform.WaitForStateAsync<NftItemState>(NftItemGrain.TypeName, item, s => s.Listed, "the item listed");
            Assert.Equal(8, state.InterestTotal);
            Assert.Equal(8, state.InterestByMinute.Sum(b => b.Count));
            Assert.True(state.Listed);
            Assert.Equal("legendary", state.Rarity);
        }

        var pushes = await KafkaTopics.ReadUntilAsync(platform.BootstrapServers, TopicCatalog.PlayerPushes, read => read.Count >= 24,
            PlatformHarness.Deadline, "the 24 interests pushed to their players");
        foreach (var player in players)
        {
            Assert.Equal([1L, 2L, 3L, 4L, 5L, 6L], pushes.Select(p => p.Envelope.Payload).OfType<PlayerPushed>()
                .Where(p => p.PlayerId == player).Select(p => p.Seq).Order());
        }
        Assert.Equal(24, pushes.Count);
    }

    [Fact]
    public async Task A_record_that_is_not_an_event_is_dead_lettered_with_the_reason_and_the_partition_goes_on()
    {
        await using var database = await PlatformDatabase.CreateAsync(PlatformDatabase.Sqlite);
        await using var platform = await PlatformHarness.StartAsync(database);
        DeliveryResult<string, byte[]> bad;
        using (var raw = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = platform.BootstrapServers }).Build())
            bad = await raw.ProduceAsync(TopicCatalog.PlayerEvents.Name, new Message<string, byte[]> { Key = "0xbad", Value = "{not json"u8.ToArray() });
        await platform.Producer.PublishAsync(TopicCatalog.PlayerEvents, "0xbad", new InterestShown("0xbad", "dragons:1", 1, "test"));

        var state = await platform.WaitForStateAsync<PlayerSessionState>(PlayerSessionGrain.TypeName, "0xbad", s => s.InterestCount == 1,
            "the interest published after the unreadable record applied");
        Assert.Equal("dragons:1", state.Interests.Single().ItemId);
        var dead = (await KafkaTopics.ReadUntilAsync(platform.BootstrapServers, TopicCatalog.DeadLetters, read => read.Count >= 1,
            PlatformHarness.Deadline, "the unreadable record dead-lettered")).Select(r => r.Envelope.Payload).Cast<DeadLettered>().Single();
        Assert.Equal((TopicCatalog.PlayerEvents.Name, bad.Partition.Value, bad.Offset.Value), (dead.SourceTopic, dead.SourcePartition, dead.SourceOffset));
        Assert.Equal($"ingress.{PlayerSessionGrain.TypeName}", dead.ConsumerGroup);
        Assert.Contains("envelope", dead.Error);
        Assert.Equal("{not json", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(dead.OriginalValueBase64)));
    }

    [Fact]
    public async Task A_record_whose_handler_keeps_throwing_is_dead_lettered_with_the_error_and_leaves_no_trace()
    {
        await using var database = await PlatformDatabase.CreateAsync(PlatformDatabase.Sqlite);
        await using var platform = await PlatformHarness.StartAsync(database);
        // An interest in no item: the player counts it, then cannot address the item's grain, every time.
        var poison = await platform.Producer.PublishAsync(TopicCatalog.PlayerEvents, "0xpoison", new InterestShown("0xpoison", null!, 1, "test"));
        await platform.Producer.PublishAsync(TopicCatalog.PlayerEvents, "0xpoison", new InterestShown("0xpoison", "dragons:2", 1, "test"));

        var state = await platform.WaitForStateAsync<PlayerSessionState>(PlayerSessionGrain.TypeName, "0xpoison", s => s.InterestCount >= 1,
            "the interest published after the failing one applied");
        Assert.Equal(1, state.InterestCount);
        Assert.Equal("dragons:2", state.Interests.Single().ItemId);
        Assert.Equal(1, state.PushSeq);
        Assert.Equal([1L], (await platform.Store.ReadJournalAsync(PlayerSessionGrain.TypeName, "0xpoison", 0, CancellationToken.None)).Select(j => j.Seq));
        Assert.Equal((long?)1, (await platform.StateAsync<NftItemState>(NftItemGrain.TypeName, "dragons:2"))?.InterestTotal);

        var dead = (await KafkaTopics.ReadUntilAsync(platform.BootstrapServers, TopicCatalog.DeadLetters, read => read.Count >= 1,
            PlatformHarness.Deadline, "the failing record dead-lettered")).Select(r => r.Envelope.Payload).Cast<DeadLettered>().Single();
        Assert.Equal((TopicCatalog.PlayerEvents.Name, poison.Partition.Value, poison.Offset.Value), (dead.SourceTopic, dead.SourcePartition, dead.SourceOffset));
        Assert.Equal($"ingress.{PlayerSessionGrain.TypeName}", dead.ConsumerGroup);
        Assert.Equal(CommerceGrain<PlayerSessionState>.MaxAttempts, dead.Attempts);
        Assert.False(string.IsNullOrWhiteSpace(dead.Error));
        var original = EnvelopeSerializer.Deserialize(Convert.FromBase64String(dead.OriginalValueBase64));
        Assert.Equal(EnvelopeSerializer.Deserialize(poison.Message.Value).Id, original.Id);
        var pushes = await KafkaTopics.ReadUntilAsync(platform.BootstrapServers, TopicCatalog.PlayerPushes, read => read.Count >= 1,
            PlatformHarness.Deadline, "the applied interest pushed");
        Assert.Equal(1, ((PlayerPushed)pushes.Single().Envelope.Payload).Seq);
    }

    [Fact]
    public async Task A_new_embedded_broker_with_the_old_database_applies_its_events_instead_of_skipping_them()
    {
        await using var database = await PlatformDatabase.CreateAsync(PlatformDatabase.Sqlite);
        for (var run = 1; run <= 2; run++)
        {
            // Each run is a fresh in-memory broker: offsets start again at 0 while the database remembers run 1.
            using var cluster = EmbeddedKafkaCluster.Start(3, TopicCatalog.All);
            await using var platform = await PlatformHarness.StartAsync(database, cluster.BootstrapServers);
            for (var i = 0; i < 20; i++)
                await platform.Producer.PublishAsync(TopicCatalog.PlayerEvents, "0xepoch", new InterestShown("0xepoch", $"dragons:{i}", 1, "test"));
            var state = await platform.WaitForStateAsync<PlayerSessionState>(PlayerSessionGrain.TypeName, "0xepoch", s => s.InterestCount >= 20 * run,
                $"{20 * run} interests after run {run}");
            Assert.Equal(20 * run, state.InterestCount);
        }
    }
}
