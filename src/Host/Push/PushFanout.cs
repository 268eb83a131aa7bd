using Commerce.Events.Envelope;
using Commerce.Events.Pushes;
using Commerce.Events.Topics;
using Commerce.Messaging.Configuration;
using Confluent.Kafka;

namespace Commerce.Host.Push;

/// <summary>
/// Reads every player's pushes (a consumer group of its own per instance, from the newest record)
/// and hands each to the sockets of that player open here. History for a reconnecting client comes
/// from the player's grain state, so nothing needs replaying from Kafka.
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
            .SetPartitionsAssignedHandler((_, partitions) => { _assigned += partitions.Count; })
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Push fanout consume error: {Reason}")]
    private partial void LogConsumeError(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Push record {Position} is unreadable: {Error}")]
    private partial void LogBadPush(string position, string error);
}
