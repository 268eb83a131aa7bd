namespace Commerce.Connectors.MarketplaceMonitoring.Configuration;

/// <summary>"MarketplaceMonitoring:Local": the simulated marketplace served in process.</summary>
public sealed class LocalMarketplaceOptions
{
    /// <summary>Loopback port (0: a free one).</summary>
    public int Port { get; set; }

    /// <summary>Time between two simulated market moves (a sale, an offer, a floor change).</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Share of events the stream drops (best effort), 0 to 1; the REST events still have them.</summary>
    public double StreamDropShare { get; set; } = 0.2;

    /// <summary>The API key the simulated marketplace accepts.</summary>
    public string ApiKey { get; set; } = "local-marketplace-key";
}
