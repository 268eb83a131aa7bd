using Commerce.Connectors.Ingestion;

namespace Commerce.Connectors.MarketplaceMonitoring.Configuration;

/// <summary>
/// The "MarketplaceMonitoring" section: an OpenSea-shaped marketplace watched for the platform's own collections
/// (REST v2 polled, the Phoenix stream followed). Local (the demo) serves a simulated marketplace in process.
/// </summary>
public sealed class MarketplaceMonitoringOptions
{
    public const string Section = "MarketplaceMonitoring";

    public ConnectorMode Mode { get; set; } = ConnectorMode.Off;

    /// <summary>The name events carry as their marketplace ("opensea").</summary>
    public string Marketplace { get; set; } = "opensea";

    /// <summary>REST base URL (https://api.opensea.io). Live: required.</summary>
    public string? ApiUrl { get; set; }

    /// <summary>Stream URL (wss://stream.openseabeta.com/socket/websocket). Live: required.</summary>
    public string? StreamUrl { get; set; }

    /// <summary>The API key (X-API-KEY; the stream's token). Live: required.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Marketplace slug -> the platform collection it is (only these are watched; others are ignored).</summary>
    public Dictionary<string, string> Collections { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How often the REST API is polled (stats, then events since the stored cursor).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How far before the stored cursor events are asked for again (late events; the ledger drops repeats).</summary>
    public TimeSpan EventOverlap { get; set; } = TimeSpan.FromMinutes(2);

    public int EventsPageSize { get; set; } = 50;

    /// <summary>Best listings asked for per poll (the cheapest of them is the floor).</summary>
    public int ListingsPageSize { get; set; } = 20;

    public bool Stream { get; set; } = true;

    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public int MaxRetries { get; set; } = 4;

    public IngestionOptions Ingestion { get; set; } = new() { RequestsPerSecond = 4, RequestBurst = 4 };

    public LocalMarketplaceOptions Local { get; set; } = new();
}
