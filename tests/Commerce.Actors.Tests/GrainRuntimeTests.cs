using System.Text.Json;
using Commerce.Actors.NftItem;
using Commerce.Actors.PlayerSession;
using Commerce.Actors.Serialization;
using Commerce.Events.Envelope;
using Commerce.Events.Items;
using Commerce.Events.Operations;
using Commerce.Events.Player;
using Commerce.Events.Pushes;
using Commerce.Events.Topics;
using Commerce.Messaging.Embedded;
using Commerce.Testing;
using Confluent.Kafka;

namespace Commerce.Actors.Tests;

public sealed class GrainRuntimeTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_interest_updates_the_player_and_the_item_and_pushes_to_the_player()
    {
        using var db = new TempDatabase();
        await using var runtime = await RuntimeHarness.StartAsync(null, "sqlite", db.ConnectionString);
        await runtime.Producer.PublishAsync(TopicCatalog.ItemEvents, "dragons:7",
            new ItemListed("dragons:7", "dragons", "7", "legendary", 1, 1, 0.5m, "ETH", null));
        for (var i = 0; i < 3; i++)
            await runtime.Producer.PublishAsync(TopicCatalog.PlayerEvents, "0xabc", new InterestShown("0xabc", "dragons:7", 2.5, "test"));

        var player = await WaitForStateAsync(runtime, PlayerSessionGrain.TypeName, "0xabc", GrainJsonContext.Default.PlayerSessionState, s => s.InterestCount == 3);
        var item = await WaitForStateAsync(runtime, NftItemGrain.TypeName, "dragons:7", GrainJsonContext.Default.NftItemState, s => s.InterestTotal == 3);

        Assert.Equal(7.5, player.Interests.Single().TotalDwellSeconds);
        Assert.Equal(3, player.PushSeq);
        Assert.Equal([1L, 2L, 3L], (await runtime.Store.ReadJournalAsync(PlayerSessionGrain.TypeName, "0xabc", 0, CancellationToken.None)).Select(p => p.Seq));
        Assert.True(item.Listed);
        Assert.Equal("legendary", item.Rarity);
        Assert.Equal(3, item.InterestByMinute.Sum(b => b.Count));

        var pushes = ReadAll(runtime.Kafka.BootstrapServers, TopicCatalog.PlayerPushes.Name, 3);
        Assert.Equal([1L, 2L, 3L], pushes.Select(p => ((PlayerPushed)p.Payload).Seq).Order());
    }

    [Fact]
    public async Task A_malformed_record_is_dead_lettered_with_its_origin_and_the_next_one_is_applied()
    {
        using var db = new TempDatabase();
        await using var runtime = await RuntimeHarness.StartAsync(null, "sqlite", db.ConnectionString);
        using (var raw = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = runtime.Kafka.BootstrapServers }).Build())
        {
            var bad = await raw.ProduceAsync(TopicCatalog.PlayerEvents.Name, new Message<string, byte[]> { Key = "0xbad", Value = "{not json"u8.ToArray() });
            Assert.Equal(PersistenceStatus.Persisted, bad.Status);
        }
        await runtime.Producer.PublishAsync(TopicCatalog.PlayerEvents, "0xbad", new InterestShown("0xbad", "dragons:1", 1, "test"));

        await WaitForStateAsync(runtime, PlayerSessionGrain.TypeName, "0xbad", GrainJsonContext.Default.PlayerSessionState, s => s.InterestCount == 1);
        var dead = (DeadLettered)ReadAll(runtime.Kafka.BootstrapServers, TopicCatalog.DeadLetters.Name, 1).Single().Payload;
        Assert.Equal(TopicCatalog.PlayerEvents.Name, dead.SourceTopic);
        Assert.Equal(0, dead.SourceOffset);
        Assert.Equal("{not json", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(dead.OriginalValueBase64)));
        Assert.Contains("envelope", dead.Error);
    }

    [Fact]
    public async Task A_new_embedded_broker_with_the_old_database_applies_its_events_instead_of_skipping_them()
    {
        using var db = new TempDatabase();
        for (var run = 1; run <= 2; run++)
        {
            // Each run is a fresh in-memory broker: offsets start again at 0 while SQLite remembers run 1.
            using var cluster = EmbeddedKafkaCluster.Start(3, TopicCatalog.All);
            await using var runtime = await RuntimeHarness.StartAsync(cluster.BootstrapServers, "sqlite", db.ConnectionString);
            for (var i = 0; i < 20; i++)
                await runtime.Producer.PublishAsync(TopicCatalog.PlayerEvents, "0xepoch", new InterestShown("0xepoch", $"dragons:{i}", 1, "test"));
            await WaitForStateAsync(runtime, PlayerSessionGrain.TypeName, "0xepoch", GrainJsonContext.Default.PlayerSessionState,
                s => s.InterestCount == 20 * run);
        }
    }

    internal static async Task<T> WaitForStateAsync<T>(RuntimeHarness runtime, string grainType, string key,
        System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> json, Func<T, bool> condition)
    {
        T? last = default;
        await Eventually.Until(async () =>
        {
            var stored = await runtime.Store.LoadStateAsync(grainType, key, CancellationToken.None);
            last = stored is null ? default : JsonSerializer.Deserialize(stored.Json, json);
            return last is not null && condition(last);
        }, Deadline, () => $"{grainType} {key} to reach the expected state; last seen: {(last is null ? "none" : JsonSerializer.Serialize(last, json))}");
        return last!;
    }

    internal static List<EventEnvelope> ReadAll(string bootstrap, string topic, int expected)
    {
        var config = new ConsumerConfig { BootstrapServers = bootstrap, GroupId = $"reader-{Guid.NewGuid():N}", AutoOffsetReset = AutoOffsetReset.Earliest, EnableAutoCommit = false };
        using var consumer = new ConsumerBuilder<string, byte[]>(config).Build();
        consumer.Subscribe(topic);
        var read = new List<EventEnvelope>();
        var deadline = DateTime.UtcNow + Deadline;
        while (read.Count < expected && DateTime.UtcNow < deadline)
        {
            var record = consumer.Consume(TimeSpan.FromMilliseconds(100));
            if (record is not null)
                read.Add(EnvelopeSerializer.Deserialize(record.Message.Value));
        }
        Assert.True(read.Count >= expected, $"expected {expected} records on {topic}, read {read.Count}");
        consumer.Close();
        return read;
    }
}
