using Commerce.Events.Envelope;
using Commerce.Events.Topics;
using Commerce.Messaging.Configuration;
using Confluent.Kafka;

namespace Commerce.Host.Push;

/// <summary>
/// Reads one topic from its newest record (a consumer group of its own per instance) and hands each record to the
/// sockets open here (<see cref="Deliver"/>). History for a reconnecting client comes from grain state, so nothing
/// needs replaying from Kafka. The start of each assigned partition is its end offset resolved in the assignment
/// itself, before <see cref="IsListening"/> turns true: a record committed after a socket read its history is then
/// always delivered live. (Left to "latest", the position was resolved at the first fetch, some time after the
/// assignment, and a record produced in between was neither in that history nor read live.)
/// </summary>
public abstract partial class TopicFanout(KafkaConnection connection, TopicDefinition topic, string name, ILogger logger) : BackgroundService
{
    private volatile int _assigned;

    /// <summary>True once this instance receives live records (its partitions are assigned).</summary>
    public bool IsListening => _assigned > 0;

    /// <summary>Hands one record to the sockets it concerns.</summary>
    protected abstract void Deliver(EventEnvelope envelope);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => Run(stoppingToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Run(CancellationToken stoppingToken)
    {
        var config = connection.ConsumerConfig(connection.GroupId($"{name}.{Guid.NewGuid():N}"), $"{name}-fanout-{Environment.ProcessId}");
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
        consumer.Subscribe(topic.Name);
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
                    LogConsumeError(name, ex.Error.Reason);
                    continue;
                }
                if (record?.Message?.Value is null)
                    continue;
                try
                {
                    Deliver(EnvelopeSerializer.Deserialize(record.Message.Value));
                }
                catch (InvalidEventException ex)
                {
                    // Rebuilt from grain state on reconnect; a bad record here loses nothing.
                    LogBadRecord(name, record.TopicPartitionOffset.ToString(), ex.Message);
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
            LogEndUnknown(name, partition.ToString(), ex.Error.Reason);
            return Offset.End;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Fanout} fanout could not resolve the end of {Partition} ({Reason}); it starts from the latest record when it fetches")]
    private partial void LogEndUnknown(string fanout, string partition, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Fanout} fanout consume error: {Reason}")]
    private partial void LogConsumeError(string fanout, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Fanout} record {Position} is unreadable: {Error}")]
    private partial void LogBadRecord(string fanout, string position, string error);
}
