using Commerce.Events.Topics;
using Commerce.Messaging.Configuration;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Microsoft.Extensions.Logging;

namespace Commerce.Messaging.Topics;

/// <summary>
/// Makes sure every catalog topic exists with at least its partition count. The embedded cluster
/// already has them; against a real cluster the missing ones are created with the admin client.
/// </summary>
public sealed partial class TopicProvisioner(KafkaConnection connection, ILogger<TopicProvisioner> logger)
{
    public async Task EnsureTopicsAsync(CancellationToken ct)
    {
        using var admin = new AdminClientBuilder(connection.AdminConfig()).Build();
        var metadata = admin.GetMetadata(TimeSpan.FromSeconds(20));
        var existing = metadata.Topics.Where(t => t.Error.Code == ErrorCode.NoError)
            .ToDictionary(t => t.Topic, t => t.Partitions.Count);
        var missing = TopicCatalog.All.Where(t => !existing.ContainsKey(t.Name)).ToList();
        foreach (var topic in TopicCatalog.All.Where(t => existing.TryGetValue(t.Name, out var n) && n < t.Partitions))
            LogFewerPartitions(topic.Name, existing[topic.Name], topic.Partitions);
        if (missing.Count == 0)
            return;

        ct.ThrowIfCancellationRequested();
        try
        {
            await admin.CreateTopicsAsync(missing.Select(Specification),
                new CreateTopicsOptions { OperationTimeout = TimeSpan.FromSeconds(30), RequestTimeout = TimeSpan.FromSeconds(30) });
        }
        catch (CreateTopicsException ex) when (ex.Results.All(r => r.Error.Code is ErrorCode.NoError or ErrorCode.TopicAlreadyExists))
        {
            // Another instance created them first.
        }
        foreach (var topic in missing)
            LogCreated(topic.Name, topic.Partitions);
    }

    private static TopicSpecification Specification(TopicDefinition topic) => new()
    {
        Name = topic.Name,
        NumPartitions = topic.Partitions,
        ReplicationFactor = -1,
        Configs = topic.Retention switch
        {
            TopicRetention.Week => new() { ["retention.ms"] = TimeSpan.FromDays(7).TotalMilliseconds.ToString("F0") },
            TopicRetention.Day => new() { ["retention.ms"] = TimeSpan.FromDays(1).TotalMilliseconds.ToString("F0") },
            TopicRetention.Compacted => new() { ["cleanup.policy"] = "compact" },
            TopicRetention.Forever => new() { ["retention.ms"] = "-1" },
            _ => new(),
        },
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Created topic {Topic} with {Partitions} partitions")]
    private partial void LogCreated(string topic, int partitions);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Topic {Topic} has {Actual} partitions, the catalog asks for {Expected}")]
    private partial void LogFewerPartitions(string topic, int actual, int expected);
}
