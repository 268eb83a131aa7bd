using System.Security.Cryptography;
using Commerce.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Commerce.Host.Tests.Auth;

/// <summary>Outside the embedded demo the host does not start without its secrets, and names what is missing (docs/OPERATIONS.md).</summary>
public sealed class SecretsAtStartTests
{
    [Fact]
    public void Without_its_keys_a_host_on_a_real_kafka_refuses_to_build_naming_each_setting()
    {
        var failure = StartFailure(new Dictionary<string, string?> { ["Execution:Enabled"] = "true" });

        Assert.Contains("Auth:SigningKey", failure.Message);
        Assert.Contains("Pricing:QuoteKey", failure.Message);
        Assert.Contains("Execution:HotWallet:PrivateKey", failure.Message);
    }

    [Fact]
    public void A_bad_signing_key_is_named_and_never_quoted()
    {
        var shortKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));

        var failure = StartFailure(new Dictionary<string, string?> { ["Auth:SigningKey"] = shortKey });

        Assert.Contains("Auth:SigningKey: must be at least 32 bytes", failure.Message);
        Assert.DoesNotContain(shortKey, failure.Message);
    }

    [Fact]
    public void Only_the_demo_prints_an_admin_token_at_start()
    {
        Assert.DoesNotContain(StartupBanner.Lines(["http://127.0.0.1:5080"], "broker:9092", null), l => l.Contains("token:", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(StartupBanner.Lines(["http://127.0.0.1:5080"], "127.0.0.1:9092", "eyJ.demo"), l => l.Contains("eyJ.demo"));
    }

    private static OptionsValidationException StartFailure(Dictionary<string, string?> settings)
    {
        var directory = Directory.CreateTempSubdirectory("commerce-secrets-").FullName;
        try
        {
            return Assert.Throws<OptionsValidationException>(() => CommerceApp.Build([], builder =>
            {
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Urls"] = $"http://127.0.0.1:{FreePort.Next()}",
                    // A broker address that nothing listens on: the check must come before any connection.
                    ["Kafka:BootstrapServers"] = $"127.0.0.1:{FreePort.Next()}",
                    ["Store:ConnectionString"] = $"Data Source={Path.Combine(directory, "commerce.db")}",
                    ["Auth:SigningKey"] = "",
                    ["Pricing:QuoteKey"] = "",
                });
                builder.Configuration.AddInMemoryCollection(settings);
            }));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
