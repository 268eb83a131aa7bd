using Commerce.Connectors.Http;
using Commerce.Connectors.MarketplaceMonitoring.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Commerce.Connectors.MarketplaceMonitoring.Local;

/// <summary>
/// Local mode: serves the simulated marketplace on a loopback port (telling <see cref="MarketplaceEndpoints"/>), with a
/// starting floor for each watched collection and one for a collection the platform does not own (ignored by the
/// connector), then makes a market move every MarketplaceMonitoring:Local:TickInterval.
/// </summary>
public sealed class LocalMarketplaceHost(LocalMarketplace market, MarketplaceEndpoints endpoints, IOptions<MarketplaceMonitoringOptions> options, TimeProvider clock) : BackgroundService
{
    public const string ForeignCollection = "someone-elses-art";

    private LocalServer? _server;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        foreach (var slug in o.Collections.Keys.Append(ForeignCollection))
            market.SetFloor(slug, 0.05m);
        _server = await LocalServer.StartAsync(o.Local.Port, app => LocalMarketplaceApi.Map(app, market, o.Local.ApiKey, clock), cancellationToken);
        var stream = new UriBuilder(_server.Address) { Scheme = "ws", Path = "/socket/websocket" }.Uri;
        endpoints.Set((_server.Address, stream));
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var slugs = options.Value.Collections.Keys.Append(ForeignCollection).ToArray();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.Local.TickInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            market.Tick(slugs, tokens: 10);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_server is not null)
            await _server.DisposeAsync();
    }
}
