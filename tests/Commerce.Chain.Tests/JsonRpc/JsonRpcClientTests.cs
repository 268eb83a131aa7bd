using Commerce.Chain.Tests.Anvil;
using System.Collections.Concurrent;
using System.Net;
using Commerce.Chain.JsonRpc;
using Commerce.Testing.Anvil;

namespace Commerce.Chain.Tests.JsonRpc;

/// <summary>The client's retry, batch and error behaviour, with faults injected in front of a real Anvil node.</summary>
[Collection(nameof(AnvilCollection))]
public class JsonRpcClientTests(AnvilFixture anvil)
{
    private (JsonRpcClient Client, FaultInjectingHandler Handler, ConcurrentQueue<JsonRpcRetry> Retries) ClientWithFaults(Func<int, Fault> fault, int maxRetries = 4, TimeSpan? attemptTimeout = null)
    {
        var handler = new FaultInjectingHandler(fault);
        var retries = new ConcurrentQueue<JsonRpcRetry>();
        var client = new JsonRpcClient(new HttpClient(handler), new JsonRpcClientOptions
        {
            Endpoint = anvil.Endpoint,
            MaxRetries = maxRetries,
            BaseDelay = TimeSpan.FromMilliseconds(5),
            MaxDelay = TimeSpan.FromMilliseconds(50),
            AttemptTimeout = attemptTimeout ?? TimeSpan.FromSeconds(10),
            OnRetry = retries.Enqueue,
        });
        return (client, handler, retries);
    }

    [Fact]
    public async Task Server_errors_and_rate_limits_are_retried_until_the_node_answers()
    {
        var (client, handler, retries) = ClientWithFaults(n => n switch
        {
            1 => new Fault(HttpStatusCode.ServiceUnavailable),
            2 => new Fault(HttpStatusCode.TooManyRequests, RetryAfter: TimeSpan.Zero),
            3 => new Fault(HttpStatusCode.BadGateway),
            _ => Fault.None,
        });

        Assert.Equal(AnvilFixture.ChainId, await client.SendAsync(EthRpc.ChainId()));
        Assert.Equal(4, handler.Attempts);
        Assert.Equal([1, 2, 3], retries.Select(r => r.AttemptNumber));
        Assert.All(retries, r => Assert.Equal("eth_chainId", r.Method));
        Assert.Equal(TimeSpan.Zero, retries.ElementAt(1).Delay);
    }

    [Fact]
    public async Task Giving_up_after_the_last_retry_reports_the_http_status()
    {
        var (client, handler, _) = ClientWithFaults(_ => new Fault(HttpStatusCode.InternalServerError), maxRetries: 2);
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.SendAsync(EthRpc.BlockNumber()));
        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Contains("3 attempts", error.Message);
        Assert.Equal(3, handler.Attempts);
    }

    [Fact]
    public async Task An_attempt_that_hangs_times_out_and_is_retried()
    {
        var (client, handler, retries) = ClientWithFaults(n => n == 1 ? new Fault(Hang: true) : Fault.None, attemptTimeout: TimeSpan.FromMilliseconds(300));
        Assert.Equal(AnvilFixture.ChainId, await client.SendAsync(EthRpc.ChainId()));
        Assert.Equal(2, handler.Attempts);
        Assert.Single(retries);
    }

    [Fact]
    public async Task When_every_attempt_hangs_the_error_says_how_long_was_waited()
    {
        var (client, handler, _) = ClientWithFaults(_ => new Fault(Hang: true), maxRetries: 1, attemptTimeout: TimeSpan.FromMilliseconds(100));
        var error = await Assert.ThrowsAsync<TimeoutException>(() => client.SendAsync(EthRpc.ChainId()));
        Assert.Contains("eth_chainId", error.Message);
        Assert.Equal(2, handler.Attempts);
    }

    [Fact]
    public async Task Json_rpc_errors_are_typed_and_not_retried()
    {
        var (client, handler, retries) = ClientWithFaults(_ => Fault.None);
        var error = await Assert.ThrowsAsync<JsonRpcException>(() => client.SendAsync("eth_noSuchMethod", []));
        Assert.Equal(-32601, error.Code);
        Assert.Equal("eth_noSuchMethod", error.Method);
        Assert.Equal(1, handler.Attempts);
        Assert.Empty(retries);
    }

    [Fact]
    public async Task A_batch_answers_each_call_on_its_own()
    {
        var (client, handler, _) = ClientWithFaults(_ => Fault.None);
        var batch = client.CreateBatch();
        var chainId = batch.Add(EthRpc.ChainId());
        var balance = batch.Add(EthRpc.GetBalance(AnvilFixture.DevKeys[2].Address));
        var failing = batch.Add(new RpcCall<string>("eth_noSuchMethod", [], e => e.ToString()));
        var block = batch.Add(EthRpc.GetBlockByNumber(BlockTag.Earliest));

        await batch.SendAsync();

        Assert.Equal(1, handler.Attempts);
        Assert.Equal(AnvilFixture.ChainId, await chainId);
        Assert.True(await balance > 0, "expected the dev account to be funded");
        Assert.Equal(0ul, (await block)!.Number);
        var error = await Assert.ThrowsAsync<JsonRpcException>(() => failing);
        Assert.Equal(-32601, error.Code);
        await Assert.ThrowsAsync<InvalidOperationException>(() => batch.SendAsync());
    }

    [Fact]
    public async Task A_retried_batch_is_sent_whole_again()
    {
        var (client, handler, _) = ClientWithFaults(n => n == 1 ? new Fault(HttpStatusCode.ServiceUnavailable) : Fault.None);
        var batch = client.CreateBatch();
        var a = batch.Add(EthRpc.ChainId());
        var b = batch.Add(EthRpc.BlockNumber());
        await batch.SendAsync();
        Assert.Equal(2, handler.Attempts);
        Assert.Equal(AnvilFixture.ChainId, await a);
        Assert.True(await b >= 0);
    }

    [Theory]
    [InlineData(null, "Endpoint")]
    [InlineData("ftp://node", "Endpoint")]
    public void Options_are_validated_at_start(string? endpoint, string expectedParameter)
    {
        var options = new JsonRpcClientOptions { Endpoint = endpoint is null ? null : new Uri(endpoint) };
        var error = Assert.ThrowsAny<ArgumentException>(() => new JsonRpcClient(new HttpClient(), options));
        Assert.Equal(expectedParameter, error.ParamName);
    }

    [Fact]
    public void Negative_retry_counts_are_refused()
    {
        var options = new JsonRpcClientOptions { Endpoint = new Uri("http://localhost:8545"), MaxRetries = -1 };
        Assert.Equal("MaxRetries", Assert.ThrowsAny<ArgumentException>(() => options.Validate()).ParamName);
    }
}
