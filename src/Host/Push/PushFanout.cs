using Commerce.Events.Envelope;
using Commerce.Events.Pushes;
using Commerce.Events.Topics;
using Commerce.Messaging.Configuration;
using Confluent.Kafka;

namespace Commerce.Host.Push;

/// <summary>
/// Reads every player's pushes (a consumer group of its own per instance, from the newest record)
/// and hands each to the sockets of that player open here. History for a reconnecting client comes
/// from the player grain's journal, so nothing needs replaying from Kafka. The start of each assigned
/// partition is its end offset resolved in the assignment itself, before <see cref="IsListening"/>
/// turns true: a push committed after a socket read its history is then always delivered live. (Left to
/// "latest", the position was resolved at the first fetch, some time after the assignment, and a push
/// produced in between was neither in that history nor read live.)
/// </summary>
public sealed partial class PushFanout(KafkaConnection connection, PushHub hub, ILogger<PushFanout> logger) : BackgroundService
{
    private volatile int _assigned;

    /// <summary>True once this instance receives live pushes (its partitions are assigned).</summary>
    public bool IsListening => _assigned > 0;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => Run(stoppingToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Run(CancellationToken stoppingToken)
    {
        var config = connection.ConsumerConfig(connection.GroupId($"pushes.{Guid.NewGuid():N}"), $"push-fanout-{Environment.ProcessId}");
        config.AutoOffsetReset = AutoOffsetReset.Latest;
        config.EnableAutoCommit = false;
        using var consumer = new ConsumerBuilder<string, byte[]>(config)
            .SetPartitionsAssignedHandler((c, partitions) =>
            {
                var starts = partitions.Select(tp => new TopicPartitionOffset(tp, EndOffset(c, tp))).ToList();
                _assigned += partitions.Count;
                return starts;
            })
            .SetPartitionsRevokedHandler((_, partitions) => { _assigned -= partitions.Count; })
            .SetPartitionsLostHandler((_, partitions) => { _assigned -= partitions.Count; })
            .Build();
        consumer.Subscribe(TopicCatalog.PlayerPushes.Name);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                ConsumeResult<string, byte[]>? record;
                try
                {
                    record = consumer.Consume(TimeSpan.FromMilliseconds(100));
                }
                catch (ConsumeException ex) when (!ex.Error.IsFatal)
                {
                    LogConsumeError(ex.Error.Reason);
                    continue;
                }
                if (record?.Message?.Value is null)
                    continue;
                try
                {
                    var envelope = EnvelopeSerializer.Deserialize(record.Message.Value);
                    if (envelope.Payload is PlayerPushed push)
                        hub.Deliver(push.PlayerId, new PushFrame(push.Seq, push.Kind, envelope.OccurredAt, push.BodyJson));
                }
                catch (InvalidEventException ex)
                {
                    // Pushes are rebuilt from grain state on reconnect; a bad record here loses nothing.
                    LogBadPush(record.TopicPartitionOffset.ToString(), ex.Message);
                }
            }
        }
        finally
        {
            consumer.Close();
        }
    }

    private Offset EndOffset(IConsumer<string, byte[]> consumer, TopicPartition partition)
    {
        try
        {
            return consumer.QueryWatermarkOffsets(partition, TimeSpan.FromSeconds(10)).High;
        }
        catch (KafkaException ex)
        {
            LogEndUnknown(partition.ToString(), ex.Error.Reason);
            return Offset.End;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Push fanout could not resolve the end of {Partition} ({Reason}); it starts from the latest record when it fetches")]
    private partial void LogEndUnknown(string partition, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Push fanout consume error: {Reason}")]
    private partial void LogConsumeError(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Push record {Position} is unreadable: {Error}")]
    private partial void LogBadPush(string position, string error);
}
