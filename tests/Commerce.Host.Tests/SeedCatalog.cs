using System.Text;
using Commerce.Actors.Ingress;
using Commerce.Actors.NftItem;
using Commerce.Actors.Runtime;
using Commerce.Actors.Storage;
using Commerce.Events.Topics;
using Commerce.Messaging.Configuration;
using Commerce.Testing;
using Commerce.Testing.Logging;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Commerce.Host.Tests;

/// <summary>
/// Waits for a platform under test to list its seed catalog. When it does not, the failure says where the items
/// stopped: each grain host's partitions, and for the item topic every partition's end offset next to the item
/// grains' committed cursor (the last offset applied: fully applied when it is the end offset minus one), and the
/// platform's last warnings and errors.
/// </summary>
internal static class SeedCatalog
{
    public static Task WaitUntilListedAsync(IServiceProvider services, string itemId, TimeSpan deadline)
    {
        var store = services.GetRequiredService<IGrainStore>();
        return Eventually.Until(async () => (await store.LoadStateAsync(NftItemGrain.TypeName, itemId, default)) is not null, deadline,
            () => $"the seed catalog to be listed ({itemId}); {Describe(services)}");
    }

    private static string Describe(IServiceProvider services)
    {
        var text = new StringBuilder();
        var ingresses = services.GetServices<IHostedService>().OfType<KafkaIngress>().ToList();
        text.Append("partitions: ").AppendJoin(", ", ingresses.Select(i => $"{i.Route.GrainType} {i.AssignedPartitions}"));
        try
        {
            var connection = services.GetRequiredService<KafkaConnection>();
            var items = ingresses.Single(i => i.Route.GrainType == NftItemGrain.TypeName);
            using var probe = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig { BootstrapServers = connection.BootstrapServers, GroupId = items.ConsumerGroup }).Build();
            var partitions = Enumerable.Range(0, TopicCatalog.ItemEvents.Partitions).Select(p => new TopicPartition(TopicCatalog.ItemEvents.Name, p)).ToList();
            var committed = probe.Committed(partitions, TimeSpan.FromSeconds(5)).ToDictionary(c => c.Partition.Value, c => c.Offset);
            text.Append("; ").Append(TopicCatalog.ItemEvents.Name).Append(" end/committed:");
            foreach (var partition in partitions)
            {
                var end = probe.QueryWatermarkOffsets(partition, TimeSpan.FromSeconds(5)).High;
                text.Append($" [{partition.Partition.Value}] {end.Value}/{committed.GetValueOrDefault(partition.Partition.Value)}");
            }
        }
        catch (Exception ex) when (ex is KafkaException or InvalidOperationException or TimeoutException)
        {
            text.Append("; no offsets: ").Append(ex.Message);
        }
        var logs = RecentLogs.Of(services);
        text.Append("; the platform's last warnings: ").Append(logs.Count == 0 ? "none" : string.Join(" | ", logs));
        return text.ToString();
    }
}
