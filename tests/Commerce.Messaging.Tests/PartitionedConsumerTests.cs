using Commerce.Events.Player;
using Commerce.Events.Topics;
using Commerce.Messaging.Configuration;
using Commerce.Messaging.Consuming;
using Commerce.Messaging.Producing;
using Commerce.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Commerce.Messaging.Tests;

public sealed class PartitionedConsumerTests : IDisposable
{
    private readonly KafkaConnection _kafka;
    private readonly EventProducer _producer;

    public PartitionedConsumerTests()
    {
        _kafka = new KafkaConnection(Options.Create(new KafkaOptions { PartitionBufferSize = 16, MaxBatchSize = 8, SessionTimeoutMs = 6000 }));
        _producer = new EventProducer(_kafka);
    }

    [Fact]
    public async Task Every_record_reaches_its_processor_once_in_offset_order_even_when_the_buffer_is_full()
    {
        var factory = new RecordingFactory();
        await factory.Gate.WaitAsync(); // hold the processors so the 16-record buffers fill and partitions pause
        using var stop = new CancellationTokenSource();
        var consumer = new PartitionedConsumer(_kafka, "test.order", [TopicCatalog.PlayerEvents.Name], factory, NullLogger.Instance);
        var run = consumer.RunAsync(stop.Token);

        const int count = 2000;
        await Task.WhenAll(Enumerable.Range(0, count).Select(i =>
            _producer.PublishAsync(TopicCatalog.PlayerEvents, $"player-{i % 37}", new InterestShown($"player-{i % 37}", "dragons:1", 1, "test"))));
        await Eventually.Until(() => consumer.Assignment.Count == TopicCatalog.PlayerEvents.Partitions, TimeSpan.FromSeconds(30),
            () => $"all {TopicCatalog.PlayerEvents.Partitions} partitions assigned, got {consumer.Assignment.Count}");
        factory.Gate.Release();

        await Eventually.Until(() => Volatile.Read(ref factory.Count) >= count, TimeSpan.FromSeconds(60),
            () => $"{count} records processed, got {Volatile.Read(ref factory.Count)}");
        await stop.CancelAsync();
        await run;

        Assert.Equal(count, factory.Seen.Values.Sum(q => q.Count));
        foreach (var (partition, offsets) in factory.Seen)
            Assert.True(offsets.SequenceEqual(Enumerable.Range(0, offsets.Count).Select(i => (long)i)),
                $"partition {partition} saw offsets out of order or twice: {string.Join(",", offsets.Take(20))}...");
    }

    [Fact]
    public async Task Records_produced_while_brokers_go_down_and_up_are_all_consumed()
    {
        var factory = new RecordingFactory();
        using var stop = new CancellationTokenSource();
        var consumer = new PartitionedConsumer(_kafka, "test.faults", [TopicCatalog.ItemEvents.Name], factory, NullLogger.Instance);
        var run = consumer.RunAsync(stop.Token);

        const int perPhase = 300;
        var sends = new List<Task>();
        for (var phase = 0; phase < 3; phase++)
        {
            if (phase == 1) _kafka.Embedded!.SetBrokerDown(2);
            if (phase == 2) { _kafka.Embedded!.SetBrokerUp(2); _kafka.Embedded.SetBrokerDown(3); }
            for (var i = 0; i < perPhase; i++)
            {
                var item = $"dragons:{(phase * perPhase + i) % 50}";
                sends.Add(_producer.PublishAsync(TopicCatalog.ItemEvents, item, new Commerce.Events.Items.ItemInterestRegistered(item, "p", 1, DateTimeOffset.UtcNow)));
            }
        }
        _kafka.Embedded!.SetBrokerUp(3);
        await Task.WhenAll(sends);

        await Eventually.Until(() => Volatile.Read(ref factory.Count) >= 3 * perPhase, TimeSpan.FromSeconds(90),
            () => $"{3 * perPhase} records consumed across broker outages, got {Volatile.Read(ref factory.Count)}");
        await stop.CancelAsync();
        await run;
        Assert.Equal(3 * perPhase, factory.Seen.Values.Sum(q => q.Distinct().Count()));
    }

    public void Dispose()
    {
        _producer.Dispose();
        _kafka.Dispose();
    }
}
