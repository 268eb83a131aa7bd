using System.Numerics;
using Commerce.Chain.Crypto;
using Commerce.Chain.JsonRpc;
using Commerce.Execution.Storage;
using Commerce.Execution.Tests.Support;
using Commerce.Testing;
using static Commerce.Execution.Tests.Support.ExecutorHarness;

namespace Commerce.Execution.Tests.Executor;

public sealed class RpcFaultTests : IAsyncLifetime
{
    private static readonly EthAddress Recipient = EthAddress.FromBytes(Keccak256.HashUtf8("fault-recipient").AsSpan(12));

    private AnvilNode _node = null!;

    public async Task InitializeAsync() => _node = await AnvilNode.StartAsync("--block-time", "1");

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Theory]
    [InlineData(ProxyFault.TooManyRequests)]
    [InlineData(ProxyFault.ServerError)]
    [InlineData(ProxyFault.HangAfterForward)]
    [InlineData(ProxyFault.DropAfterForward)]
    public async Task Rpc_faults_are_retried_and_nothing_is_lost_or_doubled(ProxyFault fault)
    {
        // Every third request fails in this way, including sends the node has already taken.
        await using var proxy = new FaultProxy(_node.Endpoint, n => n % 3 == 0 ? fault : ProxyFault.None);
        using var http = new HttpClient();
        var rpc = new JsonRpcClient(http, new JsonRpcClientOptions
        {
            Endpoint = proxy.Endpoint, MaxRetries = 8, BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(100),
            AttemptTimeout = TimeSpan.FromMilliseconds(500),
        });
        await using var harness = await StartAsync(_node, o => o.MaxChunk = 5, rpc: rpc);

        for (var round = 0; round < 6; round++)
        {
            await harness.AcceptAsync(Enumerable.Range(round * 5, 5).Select(i => Transfer($"f{i}", Recipient, 1)).ToArray());
            await harness.PassAsync();
        }
        await Eventually.Until(async () =>
        {
            try
            {
                await harness.PassAsync();
            }
            catch (Exception ex) when (ex is HttpRequestException or TimeoutException)
            {
                // A pass may still fail after all its retries; the next one starts from the store.
            }
            return (await harness.Store.LoadAllAsync(HotKey.Address, default)).All(c => c.Status == CommandStatus.Confirmed);
        }, TimeSpan.FromSeconds(60), () => "all 30 commands confirmed through the faulty proxy");

        Assert.True(proxy.Faults >= 10, $"only {proxy.Faults} faults were injected");
        var all = await harness.Store.LoadAllAsync(HotKey.Address, default);
        Assert.Equal(Enumerable.Range(0, 30).Select(i => (ulong)i), all.Select(c => c.Nonce!.Value));
        Assert.Equal(30UL, await _node.Eth.GetTransactionCountAsync(HotKey.Address));
        Assert.Equal(new BigInteger(30), await _node.Eth.GetBalanceAsync(Recipient));
        Assert.Equal(30, (await harness.EventsAsync()).Count(e => e.Stage == Events.Chain.ChainTransactionUpdated.Confirmed));
    }
}
