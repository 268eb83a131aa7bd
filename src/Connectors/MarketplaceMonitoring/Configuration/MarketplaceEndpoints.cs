namespace Commerce.Connectors.MarketplaceMonitoring.Configuration;

/// <summary>Where the marketplace's REST API and stream are: the configured URLs (live), or the simulated marketplace's address once it started (local).</summary>
public sealed class MarketplaceEndpoints
{
    private readonly TaskCompletionSource<(Uri Api, Uri Stream)> _known = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static MarketplaceEndpoints Of(MarketplaceMonitoringOptions options)
    {
        var endpoints = new MarketplaceEndpoints();
        if (options.Mode == Ingestion.ConnectorMode.Live)
            endpoints.Set(new Uri(options.ApiUrl!), new Uri(options.StreamUrl ?? "ws://stream.invalid/"));
        return endpoints;
    }

    public void Set(Uri api, Uri stream) => _known.TrySetResult((api, stream));

    public Task<(Uri Api, Uri Stream)> KnownAsync(CancellationToken ct) => _known.Task.WaitAsync(ct);
}
