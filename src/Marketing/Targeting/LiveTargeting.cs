using Commerce.Actors.Storage;
using Commerce.Events.Topics;
using Commerce.Messaging.Configuration;
using Commerce.Messaging.Consuming;
using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Commerce.Marketing.Targeting;

/// <summary>The running campaigns' rules on the live stream: a consumer group ("&lt;prefix&gt;.marketing.targeting") on commerce.player-events.</summary>
public sealed class LiveTargeting(
    KafkaConnection connection, RunningCampaigns running, IGrainStore store, IGrainFactory grains, TimeProvider clock, ILoggerFactory loggers)
    : BackgroundService, IPartitionProcessorFactory
{
    public string ConsumerGroup => connection.GroupId("marketing.targeting");

    public Task<PartitionStart> OpenAsync(TopicPartition partition, CancellationToken ct) =>
        Task.FromResult(new PartitionStart(new LiveTargetingProcessor(running, store, grains, clock), Offset.Unset));

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        new PartitionedConsumer(connection, ConsumerGroup, [TopicCatalog.PlayerEvents.Name], this, loggers.CreateLogger<LiveTargeting>()).RunAsync(stoppingToken);
}
