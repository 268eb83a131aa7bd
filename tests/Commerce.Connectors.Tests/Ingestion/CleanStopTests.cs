using Commerce.Connectors.Crm;
using Commerce.Connectors.Crm.Local;
using Commerce.Connectors.Ingestion;
using Commerce.Connectors.MarketplaceMonitoring;
using Commerce.Connectors.Tests.Crm;
using Commerce.Connectors.Tests.MarketplaceMonitoring;
using Commerce.Connectors.Tests.Support;
using Commerce.Testing;
using Microsoft.Extensions.DependencyInjection;

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
        await using var host = world.Connector();
        await host.StartAsync();
        var counters = host.Services.GetRequiredService<CrmConnector>().Counters;
        await Eventually.Until(() => counters.Published >= 1, Deadline, "the backfill");

        await AssertStopsCleanlyAsync(host, counters); // the source is waiting on a CometD connect
    }

    /// <summary>
    /// A stop returned while a source's request was still unwinding leaves an execution in the HTTP client's resilience
    /// pipeline, and the container's disposal waits for it in steps of the pipeline's clock: on a fake clock, forever.
    /// </summary>
    [Fact]
    public async Task A_stop_waits_for_a_request_still_unwinding_so_the_host_then_disposes_on_a_fake_clock()
    {
        await using var world = await CrmWorld.StartAsync();
        world.Crm.Seed([new LocalSeedAccount("p1", CrmWorld.Wallet(1), "Gold", 1)]);
        world.Crm.Faults.Enqueue(LocalCrmEndpoint.Streaming, new LocalCrmFault(Delay: TimeSpan.FromMinutes(5))); // the handshake hangs
        var gate = new UnwindGate();
        var clock = new WatchedFakeClock(DateTimeOffset.UtcNow);
        await using var host = world.Connector(clock, configure: services => gate.Install(services, "crm-streaming"));
        await host.StartAsync();
        var counters = host.Services.GetRequiredService<CrmConnector>().Counters;
        await Eventually.Until(() => counters.Published >= 1 && gate.InFlight == 1, Deadline, "the backfill, then the handshake in flight");

        var stop = host.StopAsync();
        await Eventually.Until(() => gate.Holding == 1, Deadline, "the handshake cancelled by the stop and held in its unwinding");
        Assert.False(stop.IsCompleted, "the stop returned while its source's request was still unwinding");
        gate.Release();
        await stop;
        Assert.Equal(0, gate.InFlight);
        Assert.Equal(0, counters.Restarts);
    }

    [Fact]
    public async Task Stopping_the_marketplace_monitor_with_its_stream_open_logs_no_failure_and_no_restart()
    {
        await using var world = await MarketWorld.StartAsync();
        await using var host = world.Connector();
        await host.StartAsync();
        var counters = host.Services.GetRequiredService<MarketplaceMonitor>().Counters;
        await Eventually.Until(() => counters.Published >= 1, Deadline, "the first floor");

        await AssertStopsCleanlyAsync(host, counters); // the REST poll waits for its next round, the stream for a message
    }

    private static async Task AssertStopsCleanlyAsync(ConnectorHost host, IngestionCounters counters)
    {
        var log = new AkkaLogEvents(host.Services.GetRequiredService<ConnectorActorSystem>().System);
        var restarts = counters.Restarts;
        await host.StopAsync();
        var logged = await log.DrainAsync(Deadline);
        Assert.True(logged.Count == 0, $"a clean stop logs nothing, but Akka logged: {string.Join(" | ", logged.Select(e => e.ToString()))}");
        Assert.Equal(restarts, counters.Restarts);
    }
}
