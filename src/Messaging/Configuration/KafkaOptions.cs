using System.ComponentModel.DataAnnotations;

namespace Commerce.Messaging.Configuration;

/// <summary>
/// Where Kafka is. With no <see cref="BootstrapServers"/> the platform starts the embedded cluster;
/// with them, it connects to a real cluster (SASL/SSL settings below) and creates missing topics.
/// Bound from the "Kafka" configuration section.
/// </summary>
public sealed class KafkaOptions
{
    public const string Section = "Kafka";

    public string? BootstrapServers { get; set; }

    [Range(1, 9)]
    public int EmbeddedBrokers { get; set; } = 3;

    /// <summary>Plaintext, Ssl, SaslPlaintext or SaslSsl.</summary>
    public string SecurityProtocol { get; set; } = "Plaintext";

    public string? SaslMechanism { get; set; }

    public string? SaslUsername { get; set; }

    public string? SaslPassword { get; set; }

    public string? SslCaLocation { get; set; }

    /// <summary>Prefix of every consumer group this deployment uses, so two deployments can share a cluster.</summary>
    [Required]
    public string GroupPrefix { get; set; } = "commerce";

    /// <summary>A consumer that stops sending heartbeats for this long is dropped from its group.</summary>
    [Range(1000, 300_000)]
    public int SessionTimeoutMs { get; set; } = 10_000;

    /// <summary>Records waiting per partition between the consumer and its processor; past it the partition is paused.</summary>
    [Range(16, 1_000_000)]
    public int PartitionBufferSize { get; set; } = 4096;

    /// <summary>The most records a processor receives in one batch.</summary>
    [Range(1, 100_000)]
    public int MaxBatchSize { get; set; } = 1000;

    public bool IsEmbedded => string.IsNullOrWhiteSpace(BootstrapServers);
}
