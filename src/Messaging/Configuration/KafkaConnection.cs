using Commerce.Events.Topics;
using Commerce.Messaging.Embedded;
using Confluent.Kafka;
using Microsoft.Extensions.Options;

namespace Commerce.Messaging.Configuration;

/// <summary>
/// The cluster this process talks to, and the client settings every producer and consumer shares.
/// In embedded mode it owns the in-process cluster, created with every topic of the catalog.
/// </summary>
public sealed class KafkaConnection : IDisposable
{
    private readonly KafkaOptions _options;

    public KafkaConnection(IOptions<KafkaOptions> options)
    {
        _options = options.Value;
        if (_options.IsEmbedded)
        {
            Embedded = EmbeddedKafkaCluster.Start(_options.EmbeddedBrokers, TopicCatalog.All);
            BootstrapServers = Embedded.BootstrapServers;
        }
        else
        {
            BootstrapServers = _options.BootstrapServers!;
        }
    }

    public string BootstrapServers { get; }

    /// <summary>The in-process cluster, when there is one.</summary>
    public EmbeddedKafkaCluster? Embedded { get; }

    public KafkaOptions Options => _options;

    public string GroupId(string purpose) => $"{_options.GroupPrefix}.{purpose}";

    public ProducerConfig ProducerConfig(string clientId) => Apply(new ProducerConfig
    {
        ClientId = clientId,
        EnableIdempotence = true,
        Acks = Acks.All,
        LingerMs = 2,
        BatchNumMessages = 10_000,
        MessageSendMaxRetries = int.MaxValue,
        MessageTimeoutMs = 120_000,
    });

    public ConsumerConfig ConsumerConfig(string groupId, string clientId) => Apply(new ConsumerConfig
    {
        GroupId = groupId,
        ClientId = clientId,
        EnableAutoCommit = true,
        AutoCommitIntervalMs = 1000,
        EnableAutoOffsetStore = false,
        AutoOffsetReset = AutoOffsetReset.Earliest,
        PartitionAssignmentStrategy = PartitionAssignmentStrategy.CooperativeSticky,
        SessionTimeoutMs = _options.SessionTimeoutMs,
        HeartbeatIntervalMs = Math.Max(100, _options.SessionTimeoutMs / 10),
        MaxPollIntervalMs = Math.Max(_options.SessionTimeoutMs + 1000, 60_000),
        // How long a broker may hold a fetch that found no data. A broker answers as soon as data arrives, and so
        // does the embedded one (scripts/patches/librdkafka-mock-fetch-long-poll.patch), so this costs no latency on
        // partitions being fetched; a partition that becomes fetchable (assigned, position resolved) waits for the
        // held fetch to return, so this bounds that start-up delay. 10 ms made idle consumers poll (0.3 of a core
        // for an idle embedded platform); 100 ms costs 0.17.
        FetchWaitMaxMs = 100,
        IsolationLevel = IsolationLevel.ReadCommitted,
    });

    public AdminClientConfig AdminConfig() => Apply(new AdminClientConfig { ClientId = "commerce-admin" });

    public void Dispose() => Embedded?.Dispose();

    private T Apply<T>(T config) where T : ClientConfig
    {
        config.BootstrapServers = BootstrapServers;
        config.SecurityProtocol = Enum.Parse<SecurityProtocol>(_options.SecurityProtocol, ignoreCase: true);
        if (!string.IsNullOrEmpty(_options.SaslMechanism))
            config.SaslMechanism = Enum.Parse<SaslMechanism>(_options.SaslMechanism.Replace("-", ""), ignoreCase: true);
        config.SaslUsername = _options.SaslUsername;
        config.SaslPassword = _options.SaslPassword;
        config.SslCaLocation = _options.SslCaLocation;
        return config;
    }
}
