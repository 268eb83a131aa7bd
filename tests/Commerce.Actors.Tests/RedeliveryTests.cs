using Commerce.Actors.Ingress;
using Commerce.Actors.NftItem;
using Commerce.Actors.PlayerSession;
using Commerce.Actors.Runtime;
using Commerce.Actors.Tests.Harness;
using Commerce.Events.Envelope;
using Commerce.Events.Player;
using Commerce.Events.Pushes;
using Commerce.Events.Topics;
using Commerce.Messaging.Embedded;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Commerce.Actors.Tests;

/// <summary>
/// Crashes between the steps of the platform's pipeline (decision D2): a grain's state is stored before Kafka hears the
/// record was applied, and its outbox rows are stored before they are relayed. Whatever comes again changes nothing, and
/// nothing committed is lost.
/// </summary>
public sealed partial class RedeliveryTests
{
    private static readonly string[] Players = ["0xc1", "0xc2", "0xc3"];
    private static readonly string[] Items = ["dragons:1", "dragons:2", "dragons:3", "dragons:4"];

    private static readonly Dictionary<string, string?> ShortKafkaSession = new() { ["Kafka:SessionTimeoutMs"] = "2000" };

    [Theory]
    [InlineData(PlatformDatabase.Sqlite)]
    [InlineData(PlatformDatabase.Postgres)]
    public async Task Records_a_dead_host_applied_but_never_committed_to_kafka_are_delivered_again_and_change_nothing(string provider)
    {
        await using var database = await PlatformDatabase.CreateAsync(provider);
        using var cluster = EmbeddedKafkaCluster.Start(3, TopicCatalog.All);
        var group = "";
        // A short Kafka session: the embedded broker lets the next member into a group only once the session of the one
        // that left would have ended.
        await using (var first = await PlatformHarness.StartAsync(database, cluster.BootstrapServers, ShortKafkaSession))
        {
            group = first.Services.GetServices<IHostedService>().OfType<KafkaIngress>()
                .Single(i => i.Route.GrainType == PlayerSessionGrain.TypeName).ConsumerGroup;
            await PublishInterestsAsync(first, rounds: 2);
            foreach (var player in Players)
            {
                await first.WaitForStateAsync<PlayerSessionState>(PlayerSessionGrain.TypeName, player, s => s.InterestCount >= 8,
                    "the first host's 8 interests stored");
            }
        }
        // The first host is gone with its grains' states stored. Its ingress committed on the way out: undo that, as if it
        // had died before telling Kafka, so its records are delivered again from the start.
        Assert.NotEmpty(KafkaTopics.Committed(cluster.BootstrapServers, group, TopicCatalog.PlayerEvents));
        KafkaTopics.Rewind(cluster.BootstrapServers, group, TopicCatalog.PlayerEvents, PlatformHarness.Deadline);
        Assert.All(KafkaTopics.Committed(cluster.BootstrapServers, group, TopicCatalog.PlayerEvents).Values, offset => Assert.Equal(0, offset));

        using var applied = new AppliedRecords();
        await using var second = await PlatformHarness.StartAsync(database, cluster.BootstrapServers);
        await PublishInterestsAsync(second, rounds: 1);
        foreach (var player in Players)
            await second.Producer.PublishAsync(TopicCatalog.PlayerEvents, player, new LoyaltyUpdated(player, "gold", 1m));

        foreach (var player in Players)
        {
            var state = await second.WaitForStateAsync<PlayerSessionState>(PlayerSessionGrain.TypeName, player, s => s.LoyaltyTier == "gold",
                "the loyalty update published after the second host's interests applied");
            Assert.Equal(12, state.InterestCount);
            Assert.Equal(12, state.PushSeq);
            Assert.Equal(Enumerable.Range(1, 12).Select(i => (long)i),
                (await second.Store.ReadJournalAsync(PlayerSessionGrain.TypeName, player, 0, CancellationToken.None)).Select(j => j.Seq));
        }
        foreach (var item in Items)
            Assert.Equal((long?)9, (await second.StateAsync<NftItemState>(NftItemGrain.TypeName, item))?.InterestTotal);
        // The second host did get the first host's 24 records again (and its own 12 interests and 3 loyalty updates).
        Assert.True(applied.Of(second.Services.GetRequiredService<GrainMetrics>(), PlayerSessionGrain.TypeName) >= 24 + 12 + 3,
            $"the second host handed {applied.Of(second.Services.GetRequiredService<GrainMetrics>(), PlayerSessionGrain.TypeName)} player records to grains, expected the 39 published at least");

        // Every push reached Kafka; the outbox relay is at least once, so a push may come twice, but only under its one event id.
        var pushes = await KafkaTopics.ReadUntilAsync(cluster.BootstrapServers, TopicCatalog.PlayerPushes,
            read => read.Select(r => r.Envelope.Id).Distinct().Count() >= 36, PlatformHarness.Deadline, "36 pushes, 12 per player");
        foreach (var player in Players)
        {
            var seqs = pushes.Where(p => p.Envelope.Payload is PlayerPushed pushed && pushed.PlayerId == player)
                .GroupBy(p => ((PlayerPushed)p.Envelope.Payload).Seq).ToList();
            Assert.Equal(Enumerable.Range(1, 12).Select(i => (long)i), seqs.Select(s => s.Key).Order());
            Assert.All(seqs, s => Assert.Single(s.Select(p => p.Envelope.Id).Distinct()));
        }
    }

    [Fact]
    public async Task A_player_whose_write_failed_after_its_item_counted_the_interest_counts_it_once_when_the_batch_is_retried()
    {
        await using var database = await PlatformDatabase.CreateAsync(PlatformDatabase.Sqlite);
        await using var platform = await PlatformHarness.StartAsync(database);
        // The player's store writes fail (a disk error, or the process dying) until the fault is lifted; the item's succeed.
        await ExecuteSqliteAsync(database, """
            CREATE TABLE test_fault (grain_type TEXT PRIMARY KEY);
            CREATE TRIGGER test_fault_insert BEFORE INSERT ON grain_state WHEN EXISTS (SELECT 1 FROM test_fault WHERE grain_type = NEW.grain_type)
            BEGIN SELECT RAISE(ABORT, 'injected fault: the write is lost'); END;
            CREATE TRIGGER test_fault_update BEFORE UPDATE ON grain_state WHEN EXISTS (SELECT 1 FROM test_fault WHERE grain_type = NEW.grain_type)
            BEGIN SELECT RAISE(ABORT, 'injected fault: the write is lost'); END;
            INSERT INTO test_fault VALUES ('player-session');
            """);

        await platform.Producer.PublishAsync(TopicCatalog.PlayerEvents, "0xlost", new InterestShown("0xlost", "dragons:9", 3, "test"));

        await platform.WaitForStateAsync<NftItemState>(NftItemGrain.TypeName, "dragons:9", s => s.InterestTotal >= 1, "the item to count the interest");
        // The ingress tries the batch again (a fresh activation of the player applies the record again and calls the item again).
        await platform.WaitForAsync(() => Task.FromResult(platform.Log.Contains("(attempt 3)")), "the ingress to retry the player's batch twice");
        Assert.Null(await platform.StateAsync<PlayerSessionState>(PlayerSessionGrain.TypeName, "0xlost"));
        await ExecuteSqliteAsync(database, "DELETE FROM test_fault;");

        var player = await platform.WaitForStateAsync<PlayerSessionState>(PlayerSessionGrain.TypeName, "0xlost", s => s.InterestCount >= 1,
            "the interest applied once the player's writes succeed");
        Assert.Equal(1, player.InterestCount);
        Assert.Equal(1, player.PushSeq);
        Assert.Equal((long?)1, (await platform.StateAsync<NftItemState>(NftItemGrain.TypeName, "dragons:9"))?.InterestTotal);
    }

    [Theory]
    [InlineData(PlatformDatabase.Sqlite)]
    [InlineData(PlatformDatabase.Postgres)]
    public async Task Outbox_rows_committed_but_never_relayed_are_published_by_the_next_host_under_the_same_event_ids(string provider)
    {
        await using var database = await PlatformDatabase.CreateAsync(provider);
        using var cluster = EmbeddedKafkaCluster.Start(3, TopicCatalog.All);
        IReadOnlyList<Guid> committed;
        await using (var first = await PlatformHarness.StartAsync(database, cluster.BootstrapServers))
        {
            await first.OutboxRelay.StopAsync(CancellationToken.None); // the host dies before its relay gets to the rows
            for (var i = 0; i < 3; i++)
                await first.Producer.PublishAsync(TopicCatalog.PlayerEvents, "0xoutbox", new InterestShown("0xoutbox", $"dragons:{i}", 1, "test"));
            await first.WaitForStateAsync<PlayerSessionState>(PlayerSessionGrain.TypeName, "0xoutbox", s => s.InterestCount >= 3, "3 interests stored");
            committed = await PushIdsInOutboxAsync(first);
            Assert.Equal(3, committed.Count);
            Assert.Equal(0L, KafkaTopics.Count(cluster.BootstrapServers, TopicCatalog.PlayerPushes));
        }

        await using var second = await PlatformHarness.StartAsync(database, cluster.BootstrapServers);
        var pushes = await KafkaTopics.ReadUntilAsync(cluster.BootstrapServers, TopicCatalog.PlayerPushes, read => read.Count >= 3,
            PlatformHarness.Deadline, "the 3 pushes the first host committed");
        Assert.Equal(committed.Order(), pushes.Select(p => p.Envelope.Id).Order());
        Assert.Equal([1L, 2L, 3L], pushes.Select(p => ((PlayerPushed)p.Envelope.Payload).Seq).Order());
        await second.WaitForAsync(async () => await second.Store.CountOutboxAsync(CancellationToken.None) == 0, "the outbox emptied once relayed");
    }

    /// <summary>
    /// A producer that resent what the broker had already appended leaves the same event at two offsets (seen with the
    /// embedded brokers going down under the idempotent producer): the grain applies it once, and so does the item.
    /// </summary>
    [Fact]
    public async Task The_same_event_stored_twice_in_the_topic_is_applied_once()
    {
        await using var database = await PlatformDatabase.CreateAsync(PlatformDatabase.Sqlite);
        using var cluster = EmbeddedKafkaCluster.Start(1, TopicCatalog.All);
        await using var platform = await PlatformHarness.StartAsync(database, cluster.BootstrapServers);
        const string player = "0xtwice";
        var envelope = EventEnvelope.Create(player, new InterestShown(player, "dragons:7", 1, "test"), DateTimeOffset.UtcNow);
        var bytes = EnvelopeSerializer.Serialize(envelope);
        foreach (var copy in new[] { 1, 2 })
        {
            var delivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            platform.Producer.Produce(TopicCatalog.PlayerEvents.Name, player, bytes, report => delivered.TrySetResult());
            await delivered.Task.WaitAsync(PlatformHarness.Deadline);
        }
        await platform.Producer.PublishAsync(TopicCatalog.PlayerEvents, player, new LoyaltyUpdated(player, "gold", 1m));

        var state = await platform.WaitForStateAsync<PlayerSessionState>(PlayerSessionGrain.TypeName, player, s => s.LoyaltyTier == "gold",
            "the loyalty update published after the two copies applied");
        var stored = await KafkaTopics.ReadUntilAsync(cluster.BootstrapServers, TopicCatalog.PlayerEvents,
            read => read.Count(r => r.Envelope.Id == envelope.Id) == 2, PlatformHarness.Deadline, "both copies of the interest in the topic");
        Assert.Equal(2, stored.Count(r => r.Envelope.Id == envelope.Id));
        Assert.Equal((1, 1L), (state.InterestCount, state.PushSeq));
        Assert.Equal((long?)1, (await platform.StateAsync<NftItemState>(NftItemGrain.TypeName, "dragons:7"))?.InterestTotal);
    }

    private static async Task PublishInterestsAsync(PlatformHarness platform, int rounds)
    {
        for (var round = 0; round < rounds; round++)
        {
            foreach (var player in Players)
            {
                foreach (var item in Items)
                    await platform.Producer.PublishAsync(TopicCatalog.PlayerEvents, player, new InterestShown(player, item, 1, "test"));
            }
        }
    }

    private static async Task<IReadOnlyList<Guid>> PushIdsInOutboxAsync(PlatformHarness platform)
    {
        await using var lease = await platform.Store.LeaseOutboxAsync(1000, CancellationToken.None); // not completed: the rows stay
        return [.. lease.Records.SelectMany(r => r.Messages).Where(m => m.Topic == TopicCatalog.PlayerPushes.Name)
            .Select(m => EnvelopeSerializer.Deserialize(m.Value).Id)];
    }

    private static async Task ExecuteSqliteAsync(PlatformDatabase database, string sql)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
