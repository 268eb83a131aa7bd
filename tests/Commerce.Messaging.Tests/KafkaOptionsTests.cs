using System.ComponentModel.DataAnnotations;
using Commerce.Messaging.Configuration;

namespace Commerce.Messaging.Tests;

/// <summary>Kafka beyond this machine needs SASL or TLS: Plaintext is refused unless explicitly allowed (issue 11).</summary>
public sealed class KafkaOptionsTests
{
    private static List<string> Errors(KafkaOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.Select(r => r.ErrorMessage ?? "").ToList();
    }

    [Theory]
    [InlineData("broker-1.internal:9092")]
    [InlineData("127.0.0.1:9092,broker-2.internal:9092")]
    [InlineData("10.0.0.5:9092")]
    public void Plaintext_to_a_cluster_beyond_this_machine_is_refused_naming_the_setting(string servers)
    {
        var error = Assert.Single(Errors(new KafkaOptions { BootstrapServers = servers }));
        Assert.Contains("Kafka:SecurityProtocol", error, StringComparison.Ordinal);
        Assert.Contains("Kafka:AllowPlaintext", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("127.0.0.1:39092,127.0.0.1:39093")]
    [InlineData("localhost:9092")]
    [InlineData("[::1]:9092")]
    public void The_embedded_cluster_and_loopback_brokers_keep_plaintext(string? servers) =>
        Assert.Empty(Errors(new KafkaOptions { BootstrapServers = servers }));

    [Fact]
    public void Plaintext_beyond_loopback_needs_the_explicit_allowance() =>
        Assert.Empty(Errors(new KafkaOptions { BootstrapServers = "broker-1.internal:9092", AllowPlaintext = true }));

    [Fact]
    public void Sasl_needs_its_mechanism_and_user_and_then_passes()
    {
        Assert.Contains("Kafka:SaslMechanism", Assert.Single(Errors(new KafkaOptions { BootstrapServers = "broker-1.internal:9093", SecurityProtocol = "SaslSsl" })),
            StringComparison.Ordinal);
        Assert.Empty(Errors(new KafkaOptions
        {
            BootstrapServers = "broker-1.internal:9093", SecurityProtocol = "SaslSsl", SaslMechanism = "SCRAM-SHA-512", SaslUsername = "commerce-host",
        }));
        Assert.Empty(Errors(new KafkaOptions { BootstrapServers = "broker-1.internal:9093", SecurityProtocol = "Ssl" }));
        Assert.Contains("Kafka:SecurityProtocol", Assert.Single(Errors(new KafkaOptions { BootstrapServers = "broker-1.internal:9093", SecurityProtocol = "Tls" })),
            StringComparison.Ordinal);
    }
}
