using Commerce.Actors.Runtime;
using Commerce.Messaging.Configuration;
using Commerce.Messaging.Consuming;
using Commerce.Messaging.Producing;
using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Commerce.Actors.Ingress;

/// <summary>
/// Feeds one grain type from its topic (decision D2): a consumer group member whose partitions go to
/// <see cref="IngressProcessor"/>s through bounded buffers (a full buffer pauses its partition, D8). Adding a host
/// spreads the partitions; losing one moves its partitions to the others, which read on from the committed offsets.
/// </summary>
public sealed class KafkaIngress(
    IngressRoute route,
    KafkaConnection connection,
    BrokerEpoch epoch,
    IGrainFactory grains,
    EventProducer producer,
    GrainMetrics metrics,
    TimeProvider clock,
    ILoggerFactory loggers) : BackgroundService, IPartitionProcessorFactory
{
    private PartitionedConsumer? _consumer;
    private string _epoch = "";
    private ILogger? _logger;

    public IngressRoute Route => route;

    public string ConsumerGroup => connection.GroupId($"ingress.{route.GrainType}");

    /// <summary>The partitions this host feeds now.</summary>
    public int AssignedPartitions => _consumer?.Assignment.Count ?? 0;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _logger = loggers.CreateLogger($"Commerce.Ingress.{route.GrainType}");
        _epoch = await epoch.GetAsync(stoppingToken);
        _consumer = new PartitionedConsumer(connection, ConsumerGroup, [route.Topic.Name], this, _logger);
        await _consumer.RunAsync(stoppingToken);
    }

    Task<PartitionStart> IPartitionProcessorFactory.OpenAsync(TopicPartition partition, CancellationToken ct) =>
        Task.FromResult(new PartitionStart(
            new IngressProcessor(route, _epoch, grains, producer, metrics, clock, _logger!), Offset.Unset));
}
