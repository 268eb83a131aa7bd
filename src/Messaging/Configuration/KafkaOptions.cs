using System.ComponentModel.DataAnnotations;

namespace Commerce.Messaging.Configuration;

/// <summary>
/// Where Kafka is. With no <see cref="BootstrapServers"/> the platform starts the embedded cluster;
/// with them, it connects to a real cluster (SASL/SSL settings below) and creates missing topics.
/// Bound from the "Kafka" configuration section.
/// </summary>
public sealed class KafkaOptions : IValidatableObject
{
    public const string Section = "Kafka";

    public string? BootstrapServers { get; set; }

    [Range(1, 9)]
    public int EmbeddedBrokers { get; set; } = 3;

    /// <summary>
    /// Plaintext, Ssl, SaslPlaintext or SaslSsl. A cluster that is not on this machine (a bootstrap server that is not
    /// loopback) needs SASL or TLS: Plaintext is refused at start unless <see cref="AllowPlaintext"/> (docs/SECURITY.md).
    /// </summary>
    public string SecurityProtocol { get; set; } = "Plaintext";

    /// <summary>Allows Plaintext to a cluster beyond loopback (an isolated network the operator vouches for). Off by default.</summary>
    public bool AllowPlaintext { get; set; }

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

    /// <summary>Whether every bootstrap server is on this machine (localhost, 127.0.0.0/8, ::1): the embedded cluster, tests.</summary>
    public bool IsLoopbackOnly => IsEmbedded || BootstrapServers!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).All(IsLoopback);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var known = new[] { "Plaintext", "Ssl", "SaslPlaintext", "SaslSsl" };
        var protocol = known.FirstOrDefault(p => string.Equals(p, SecurityProtocol, StringComparison.OrdinalIgnoreCase));
        if (protocol is null)
        {
            yield return new ValidationResult($"{Section}:{nameof(SecurityProtocol)} must be one of {string.Join(", ", known)}", [nameof(SecurityProtocol)]);
            yield break;
        }
        if (protocol == "Plaintext" && !IsLoopbackOnly && !AllowPlaintext)
            yield return new ValidationResult(
                $"{Section}:{nameof(SecurityProtocol)} is Plaintext for a cluster beyond this machine: use SaslSsl (or Ssl, SaslPlaintext), or set {Section}:{nameof(AllowPlaintext)} to accept unauthenticated, unencrypted Kafka",
                [nameof(SecurityProtocol)]);
        if (protocol.StartsWith("Sasl", StringComparison.Ordinal) && (string.IsNullOrWhiteSpace(SaslMechanism) || string.IsNullOrWhiteSpace(SaslUsername)))
            yield return new ValidationResult($"{Section}:{nameof(SaslMechanism)} and {Section}:{nameof(SaslUsername)} are required with {protocol}", [nameof(SaslMechanism)]);
    }

    private static bool IsLoopback(string server)
    {
        var host = server.StartsWith('[') ? server[1..Math.Max(1, server.IndexOf(']', StringComparison.Ordinal))]
            : server.LastIndexOf(':') is var colon and > 0 && server.IndexOf(':', StringComparison.Ordinal) == colon ? server[..colon] : server;
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (System.Net.IPAddress.TryParse(host, out var address) && System.Net.IPAddress.IsLoopback(address));
    }
}
