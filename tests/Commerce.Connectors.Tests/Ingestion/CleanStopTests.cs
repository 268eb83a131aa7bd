using Commerce.Connectors.Crm;
using Commerce.Connectors.Crm.Local;
using Commerce.Connectors.Ingestion;
using Commerce.Connectors.MarketplaceMonitoring;
using Commerce.Connectors.Tests.Crm;
using Commerce.Connectors.Tests.MarketplaceMonitoring;
using Commerce.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Commerce.Connectors.Tests.Ingestion;

/// <summary>A host stopping its connectors mid-read is a clean stop: the graphs shut down without a failure, a restart or a warning.</summary>
public sealed class CleanStopTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Stopping_the_CRM_connector_during_a_long_poll_logs_no_failure_and_no_restart()
    {
        await using var world = await CrmWorld.StartAsync();
        world.Crm.Seed([new LocalSeedAccount("p1", CrmWorld.Wallet(1), "Gold", 1)]);
        using var host = world.Connector();
        await host.StartAsync();
        var counters = host.Services.GetRequiredService<CrmConnector>().Counters;
        await Eventually.Until(() => counters.Published >= 1, Deadline, "the backfill");

        await AssertStopsCleanlyAsync(host, counters); // the source is waiting on a CometD connect
    }

    [Fact]
    public async Task Stopping_the_marketplace_monitor_with_its_stream_open_logs_no_failure_and_no_restart()
    {
        await using var world = await MarketWorld.StartAsync();
        using var host = world.Connector();
        await host.StartAsync();
        var counters = host.Services.GetRequiredService<MarketplaceMonitor>().Counters;
        await Eventually.Until(() => counters.Published >= 1, Deadline, "the first floor");

        await AssertStopsCleanlyAsync(host, counters); // the REST poll waits for its next round, the stream for a message
    }

    private static async Task AssertStopsCleanlyAsync(IHost host, IngestionCounters counters)
    {
        var log = new AkkaLogEvents(host.Services.GetRequiredService<ConnectorActorSystem>().System);
        var restarts = counters.Restarts;
        await host.StopAsync();
        var logged = await log.DrainAsync(Deadline);
        Assert.True(logged.Count == 0, $"a clean stop logs nothing, but Akka logged: {string.Join(" | ", logged.Select(e => e.ToString()))}");
        Assert.Equal(restarts, counters.Restarts);
    }
}
