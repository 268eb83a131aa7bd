using Commerce.Actors.Storage;
using Commerce.Messaging.Configuration;
using Commerce.Messaging.Consuming;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Commerce.Actors.Runtime;

/// <summary>
/// Hosts one grain type: joins the type's consumer group and runs the grains of the partitions
/// this instance is assigned. Adding an instance spreads the partitions; losing one moves its
/// partitions to the others, which reload the grains from the store.
/// </summary>
public sealed class GrainHost(
    GrainDefinition definition,
    KafkaConnection connection,
    BrokerEpoch epoch,
    IGrainStore store,
    OutboxSignal outboxSignal,
    IOptions<GrainRuntimeOptions> options,
    GrainMetrics metrics,
    TimeProvider clock,
    ILoggerFactory loggers) : BackgroundService
{
    private PartitionedConsumer? _consumer;

    public GrainDefinition Definition => definition;

    public string ConsumerGroup => connection.GroupId($"grains.{definition.Name}");

    /// <summary>The partitions this instance owns now.</summary>
    public int AssignedPartitions => _consumer?.Assignment.Count ?? 0;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var logger = loggers.CreateLogger($"Commerce.Grains.{definition.Name}");
        var currentEpoch = await epoch.GetAsync(stoppingToken);
        var factory = new GrainProcessorFactory(definition, ConsumerGroup, currentEpoch, store, outboxSignal, options.Value, metrics, clock, logger);
        _consumer = new PartitionedConsumer(connection, ConsumerGroup, [definition.InputTopic.Name], factory, logger);
        await _consumer.RunAsync(stoppingToken);
    }
}
