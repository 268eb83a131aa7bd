using System.Text;
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
        var hosts = services.GetServices<IHostedService>().OfType<GrainHost>().ToList();
        text.Append("partitions: ").AppendJoin(", ", hosts.Select(h => $"{h.Definition.Name} {h.AssignedPartitions}"));
        try
        {
            var connection = services.GetRequiredService<KafkaConnection>();
            var store = services.GetRequiredService<IGrainStore>();
            var epoch = services.GetRequiredService<BrokerEpoch>().GetAsync(default).GetAwaiter().GetResult();
            var items = hosts.Single(h => h.Definition.Name == NftItemGrain.TypeName);
            using var probe = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig { BootstrapServers = connection.BootstrapServers, GroupId = "test-diagnostics" }).Build();
            text.Append("; ").Append(TopicCatalog.ItemEvents.Name).Append(" end/cursor:");
            for (var partition = 0; partition < TopicCatalog.ItemEvents.Partitions; partition++)
            {
                var end = probe.QueryWatermarkOffsets(new TopicPartition(TopicCatalog.ItemEvents.Name, partition), TimeSpan.FromSeconds(5)).High;
                var cursor = store.LoadCursorAsync(new PartitionCursor(items.ConsumerGroup, epoch, TopicCatalog.ItemEvents.Name, partition), default)
                    .GetAwaiter().GetResult();
                text.Append($" [{partition}] {end.Value}/{(cursor is { } c ? c.ToString(System.Globalization.CultureInfo.InvariantCulture) : "none")}");
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
