using System.Text.Json;
using Commerce.Actors.PlayerSession;
using Commerce.Actors.Runtime;
using Commerce.Actors.Serialization;
using Commerce.Actors.Storage;
using Commerce.Events.Envelope;
using Commerce.Events.Player;
using Commerce.Events.Topics;
using Confluent.Kafka;
using Microsoft.Extensions.Logging.Abstractions;

namespace Commerce.Actors.Tests;

public sealed class RedeliveryTests
{
    private static readonly TopicPartition Partition = new(TopicCatalog.PlayerEvents.Name, 2);

    [Fact]
    public async Task A_crash_after_the_database_commit_but_before_the_kafka_commit_applies_nothing_twice()
    {
        using var db = new TempDatabase();
        var store = new SqliteGrainStore(db.ConnectionString, TimeProvider.System);
        await store.InitializeAsync(CancellationToken.None);
        var records = Enumerable.Range(0, 15).Select(Record).ToList();

        // First owner: applies offsets 0..9 and commits them to the database, then dies before Kafka hears of it.
        var first = await OpenAsync(store);
        Assert.Equal(Offset.Beginning, first.Offset);
        await first.Processor.ProcessAsync(records[..10], CancellationToken.None);

        // Next owner: Kafka redelivers from its last committed offset (none), so 0..14 arrive again.
        var second = await OpenAsync(store);
        Assert.Equal(new Offset(10), second.Offset);
        await second.Processor.ProcessAsync(records, CancellationToken.None);

        var state = JsonSerializer.Deserialize((await store.LoadStateAsync(PlayerSessionGrain.TypeName, "0xcrash", CancellationToken.None))!.Json,
            GrainJsonContext.Default.PlayerSessionState)!;
        Assert.Equal(15, state.InterestCount);
        Assert.Equal(15, state.PushSeq);
        Assert.Equal(Enumerable.Range(1, 15).Select(i => (long)i), (await store.ReadJournalAsync(PlayerSessionGrain.TypeName, "0xcrash", 0, CancellationToken.None)).Select(p => p.Seq));
        Assert.Equal(14, await store.LoadCursorAsync(Cursor, CancellationToken.None));
        await using (var lease = await store.LeaseOutboxAsync(100, CancellationToken.None)) // one item event and one push per interest, once each
            Assert.Equal(30, lease.Records.Sum(r => r.Messages.Count));
        await store.DisposeAsync();
    }

    [Fact]
    public async Task A_zombie_owner_cannot_commit_after_the_partition_moved()
    {
        using var db = new TempDatabase();
        var store = new SqliteGrainStore(db.ConnectionString, TimeProvider.System);
        await store.InitializeAsync(CancellationToken.None);
        var records = Enumerable.Range(0, 10).Select(Record).ToList();
        var zombie = await OpenAsync(store);
        var owner = await OpenAsync(store);

        await owner.Processor.ProcessAsync(records[..5], CancellationToken.None);
        await Assert.ThrowsAsync<CursorMovedException>(() => zombie.Processor.ProcessAsync(records[..3], CancellationToken.None));
        // Having reloaded, the zombie skips what the owner applied and goes on from there.
        await zombie.Processor.ProcessAsync(records, CancellationToken.None);

        var state = JsonSerializer.Deserialize((await store.LoadStateAsync(PlayerSessionGrain.TypeName, "0xcrash", CancellationToken.None))!.Json,
            GrainJsonContext.Default.PlayerSessionState)!;
        Assert.Equal(10, state.InterestCount);
        await store.DisposeAsync();
    }

    [Fact]
    public async Task Idle_grains_leave_memory_and_come_back_with_their_state()
    {
        using var db = new TempDatabase();
        var store = new SqliteGrainStore(db.ConnectionString, TimeProvider.System);
        await store.InitializeAsync(CancellationToken.None);
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var options = new GrainRuntimeOptions { IdleTimeout = TimeSpan.FromMinutes(5) };
        var start = await new GrainProcessorFactory(PlayerSessionGrain.Definition, Cursor.ConsumerGroup, Cursor.Epoch, store, new OutboxSignal(),
            options, new GrainMetrics(), clock, NullLogger.Instance).OpenAsync(Partition, CancellationToken.None);
        var processor = (GrainPartitionProcessor)start.Processor;

        await processor.ProcessAsync([Record(0, "0xa"), Record(1, "0xb"), Record(2, "0xc")], CancellationToken.None);
        Assert.Equal(3, processor.ActiveCount);

        clock.Advance(TimeSpan.FromMinutes(6)); // a, b and c are now idle
        await processor.ProcessAsync([Record(3, "0xd")], CancellationToken.None);
        Assert.Equal(1, processor.ActiveCount);

        await processor.ProcessAsync([Record(4, "0xa")], CancellationToken.None); // reactivated from the store
        var state = JsonSerializer.Deserialize((await store.LoadStateAsync(PlayerSessionGrain.TypeName, "0xa", CancellationToken.None))!.Json,
            GrainJsonContext.Default.PlayerSessionState)!;
        Assert.Equal(2, state.InterestCount);
        Assert.Equal(2, processor.ActiveCount);
        await store.DisposeAsync();
    }

    [Fact]
    public async Task Records_gone_from_the_broker_are_reported_not_skipped_silently()
    {
        using var db = new TempDatabase();
        var store = new SqliteGrainStore(db.ConnectionString, TimeProvider.System);
        await store.InitializeAsync(CancellationToken.None);
        long reported = 0;
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) => { if (instrument.Name == "commerce.grains.offset_gaps") l.EnableMeasurementEvents(instrument); };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref reported, value));
        listener.Start();
        var processor = (await OpenAsync(store)).Processor;

        await processor.ProcessAsync([Record(0), Record(1)], CancellationToken.None);
        await processor.ProcessAsync([Record(7), Record(8), Record(12)], CancellationToken.None);

        Assert.Equal(5 + 3, Interlocked.Read(ref reported)); // offsets 2..6 and 9..11
        await store.DisposeAsync();
    }

    private static readonly PartitionCursor Cursor = new("grains.player-session", "epoch", Partition.Topic, Partition.Partition.Value);

    private static Task<Messaging.Consuming.PartitionStart> OpenAsync(IGrainStore store) =>
        new GrainProcessorFactory(PlayerSessionGrain.Definition, Cursor.ConsumerGroup, Cursor.Epoch, store, new OutboxSignal(),
            new GrainRuntimeOptions(), new GrainMetrics(), TimeProvider.System, NullLogger.Instance).OpenAsync(Partition, CancellationToken.None);

    private static ConsumeResult<string, byte[]> Record(int offset) => Record(offset, "0xcrash");

    private static ConsumeResult<string, byte[]> Record(int offset, string player) => new()
    {
        TopicPartitionOffset = new TopicPartitionOffset(Partition, offset),
        Message = new Message<string, byte[]>
        {
            Key = player,
            Value = EnvelopeSerializer.Serialize(EventEnvelope.Create(player, new InterestShown(player, $"dragons:{offset}", 1, "test"), DateTimeOffset.UtcNow)),
            Timestamp = new Timestamp(DateTime.UtcNow),
        },
    };
}
