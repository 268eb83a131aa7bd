using System.Diagnostics;
using Commerce.Chain.JsonRpc;
using Commerce.Chain.Node;
using Commerce.Testing;

namespace Commerce.Host.Tests;

/// <summary>The dev chain's Anvil child process does not outlive its owner, however the owner ends.</summary>
public sealed class DevChainNodeTests
{
    [Fact]
    public async Task The_node_stops_within_seconds_when_its_owner_process_is_killed()
    {
        if (OperatingSystem.IsWindows())
            return; // the watchdog is a /bin/sh script
        using var owner = Process.Start(new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", "sleep 600" }, UseShellExecute = false })!;
        await using var node = await AnvilNode.StartAsync(AnvilNode.FindBinary(), [], owner.Id);
        using var http = new HttpClient();
        var eth = new EthClient(new JsonRpcClient(http, new JsonRpcClientOptions { Endpoint = node.Endpoint, MaxRetries = 0 }));
        Assert.Equal(AnvilNode.ChainId, await eth.GetChainIdAsync());

        owner.Kill(entireProcessTree: true); // SIGKILL: the owner gets no chance to clean up
        await owner.WaitForExitAsync();

        await Eventually.Until(() => !node.IsRunning, TimeSpan.FromSeconds(15), () => $"anvil at {node.Endpoint} to stop after its owner died");
        // Refused outright (HttpRequestException), or, when the kill lands while the client connects, a socket error.
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => eth.GetChainIdAsync());
        Assert.True(refused is HttpRequestException or System.Net.Sockets.SocketException, $"expected the request to be refused, got {refused}");
    }

    [Fact]
    public async Task Disposing_the_node_kills_it()
    {
        var node = await AnvilNode.StartAsync(AnvilNode.FindBinary(), ["--block-time", "1"]);
        using var http = new HttpClient();
        var eth = new EthClient(new JsonRpcClient(http, new JsonRpcClientOptions { Endpoint = node.Endpoint, MaxRetries = 0 }));
        Assert.Equal(AnvilNode.ChainId, await eth.GetChainIdAsync());

        await node.DisposeAsync();

        Assert.False(node.IsRunning);
        // Refused outright (HttpRequestException), or, when the kill lands while the client connects, a socket error.
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => eth.GetChainIdAsync());
        Assert.True(refused is HttpRequestException or System.Net.Sockets.SocketException, $"expected the request to be refused, got {refused}");
    }

    [Fact]
    public async Task The_cpu_time_reported_is_the_nodes_own_and_grows_with_its_work()
    {
        var node = await AnvilNode.StartAsync(AnvilNode.FindBinary(), []);
        using var http = new HttpClient();
        var anvil = new AnvilClient(new JsonRpcClient(http, new JsonRpcClientOptions { Endpoint = node.Endpoint, MaxRetries = 0 }));
        var started = node.CpuTime;
        // The watchdog shell only sleeps; the node parsed its arguments, built its genesis and served a probe.
        Assert.True(started > TimeSpan.Zero, $"expected the node's start-up CPU time, got {started}");

        for (var i = 0; i < 300; i++)
            await anvil.MineAsync();
        var afterWork = node.CpuTime;
        // About 160 ms here; the watchdog shell, which only sleeps, would not reach 50 ms.
        Assert.True(afterWork - started > TimeSpan.FromMilliseconds(50), $"expected CPU time to grow by more than 50 ms over 300 mined blocks: {started} -> {afterWork}");

        await node.DisposeAsync();
        Assert.Equal(TimeSpan.Zero, node.CpuTime);
    }
}
