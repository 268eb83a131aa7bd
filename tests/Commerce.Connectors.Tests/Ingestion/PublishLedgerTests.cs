using Commerce.Connectors.Ingestion;
using Commerce.Connectors.Ingestion.Storage;
using Commerce.Events.Envelope;
using Commerce.Events.Player;
using Commerce.Events.Topics;
using Commerce.Messaging.Configuration;
using Commerce.Messaging.Producing;
using Commerce.Testing;
using Microsoft.Extensions.Options;

namespace Commerce.Connectors.Tests.Ingestion;

/// <summary>The publish ledger on SQLite and PostgreSQL, and a crash between producing a batch and recording it.</summary>
public sealed class PublishLedgerTests
{
    private static readonly StreamPosition Cursor = new("cdc", "42");

    [Fact]
    public async Task Positions_and_published_ids_survive_a_restart_on_sqlite() =>
        await WithSqlite(db => PositionsAndIdsSurvive(db));

    [Fact]
    public async Task Positions_and_published_ids_survive_a_restart_on_postgres()
    {
        await using var database = await TempPostgresDatabase.CreateAsync();
        await PositionsAndIdsSurvive(new StandaloneConnectorDatabase(true, database.ConnectionString));
    }

    [Fact]
    public async Task Records_produced_before_a_crash_are_found_on_the_topic_and_not_published_again()
    {
        await WithSqlite(async db =>
        {
            using var kafka = new KafkaConnection(Options.Create(new KafkaOptions { EmbeddedBrokers = 1 }));
            using var producer = new EventProducer(kafka);
            var produced = Record(1);
            var lost = Record(2);

            // The batch was written as pending and one of its records reached Kafka; then the process died.
            var before = new PublishLedger(db, "crash", TimeProvider.System, PublishLedgerOptions.Default);
            await before.LoadAsync(CancellationToken.None);
            await before.MarkPendingAsync([produced.EventId, lost.EventId], CancellationToken.None);
            await producer.PublishAsync(produced.Topic, EventEnvelope.Create(produced.Key, produced.Payload, produced.OccurredAt, null, produced.EventId));

            var after = new PublishLedger(db, "crash", TimeProvider.System, PublishLedgerOptions.Default);
            var (pending, since) = await after.LoadAsync(CancellationToken.None);
            Assert.Equal(2, pending.Count);
            var found = await new PendingResolver(kafka).FindAsync([TopicCatalog.PlayerEvents], pending, since!.Value, CancellationToken.None);
            Assert.Equal([produced.EventId], found);
            await after.ResolvePendingAsync(pending, found, CancellationToken.None);

            var counters = new IngestionCounters("crash");
            var published = await new IngestionPublisher(producer, after, counters).PublishAsync(
                [IngestUnit.Of(produced), IngestUnit.Of(lost, Cursor)], CancellationToken.None);
            Assert.Equal(1, published); // only the record that never reached Kafka
            Assert.Equal(1, counters.DuplicatesSkipped);
            var onTopic = Support.TopicSnapshot.Read(kafka.BootstrapServers, TopicCatalog.PlayerEvents);
            Assert.Equal(2, onTopic.Count);
            Assert.Equal(2, onTopic.Select(e => e.Id).Distinct().Count());
            var (stillPending, _) = await new PublishLedger(db, "crash", TimeProvider.System, PublishLedgerOptions.Default).LoadAsync(CancellationToken.None);
            Assert.Empty(stillPending);
        });
    }

    [Fact]
    public void Stable_ids_depend_on_every_part_and_only_on_them()
    {
        Assert.Equal(StableEventId.Of("crm", "a", "b"), StableEventId.Of("crm", "a", "b"));
        Assert.NotEqual(StableEventId.Of("crm", "a", "b"), StableEventId.Of("crm", "ab"));
        Assert.NotEqual(StableEventId.Of("crm", "a", "b"), StableEventId.Of("opensea", "a", "b"));
        Assert.Equal(8, StableEventId.Of("crm", "x").Version);
    }

    private static async Task PositionsAndIdsSurvive(IConnectorDatabase db)
    {
        var ledger = new PublishLedger(db, "crm", TimeProvider.System, PublishLedgerOptions.Default);
        await ledger.LoadAsync(CancellationToken.None);
        var ids = Enumerable.Range(0, 300).Select(i => Guid.NewGuid()).ToArray();
        await ledger.MarkPendingAsync(ids, CancellationToken.None);
        await ledger.CommitAsync(ids, [Cursor, new StreamPosition("backfill", "done")], CancellationToken.None);
        await ledger.CommitAsync([], [Cursor with { Value = "43" }], CancellationToken.None);

        var other = new PublishLedger(db, "crmx", TimeProvider.System, PublishLedgerOptions.Default); // another connector's names do not leak in
        await other.LoadAsync(CancellationToken.None);
        await other.CommitAsync([Guid.NewGuid()], [Cursor with { Value = "7" }], CancellationToken.None);

        var again = new PublishLedger(db, "crm", TimeProvider.System, PublishLedgerOptions.Default);
        var (pending, _) = await again.LoadAsync(CancellationToken.None);
        Assert.Empty(pending);
        Assert.Equal("43", again.Positions["cdc"]);
        Assert.Equal("done", again.Positions["backfill"]);
        Assert.Equal(2, again.Positions.Count);
        Assert.All(ids, id => Assert.True(again.WasPublished(id)));
        Assert.Equal(300, again.Remembered);
    }

    private static IngestRecord Record(int n)
    {
        var wallet = "0x" + n.ToString("x40");
        return new IngestRecord(StableEventId.Of("test", n.ToString()), TopicCatalog.PlayerEvents, wallet, new LoyaltyUpdated(wallet, "Gold", n), DateTimeOffset.UtcNow);
    }

    private static async Task WithSqlite(Func<IConnectorDatabase, Task> test)
    {
        var directory = Directory.CreateTempSubdirectory("ledger-tests-").FullName;
        try
        {
            await test(new StandaloneConnectorDatabase(false, $"Data Source={Path.Combine(directory, "c.db")}"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
