using Xunit.Abstractions;

namespace Commerce.Host.Tests;

/// <summary>
/// The platform without the connectors' simulations (the seeded CRM's scripted loyalty changes, the simulated
/// marketplace): nothing reaches Kafka but what a test's requests cause, for tests that count what a request wrote.
/// </summary>
public sealed class QuietPlatformFixture(IMessageSink diagnostics) : PlatformFixture(diagnostics)
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Crm:Mode"] = "Off",
        ["MarketplaceMonitoring:Mode"] = "Off",
    };
}
