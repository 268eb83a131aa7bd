using Commerce.Actors.Storage;
using Commerce.Chain.JsonRpc;
using Commerce.Payments.Watcher;
using Microsoft.Extensions.Logging.Abstractions;

namespace Commerce.Payments.Tests;

/// <summary>Scanning a backlog in several eth_getLogs ranges, and two watchers of one Checkout on one database.</summary>
[Collection(nameof(PaymentsCollection))]
public sealed class FencingAndCatchUpTests(PaymentsEnvironment env)
{
    [Fact]
    public async Task Backlog_is_scanned_in_ranges_and_every_payment_in_it_confirmed_once()
    {
        var deployment = await env.DeployAsync();
        var buyer = await env.NewActorAsync();
        var orders = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var quote = await deployment.QuoteAsync(buyer, PaymentsEnvironment.Ether / 100);
            await deployment.Checkout.PurchaseAsync(buyer.Sender, quote, deployment.Sign(quote));
            orders.Add(Deployment.OrderId(quote));
            await env.MineAsync(3);
        }

        await using var harness = await WatcherHarness.StartAsync(env, deployment, confirmations: 2, configure: o => o.MaxBlockRange = 2);
        await harness.WaitCaughtUpAsync();
        foreach (var order in orders)
        {
            await Commerce.Testing.Eventually.Until(() => env.Of(order).Any(o => o.Payment.Confirmed), TimeSpan.FromSeconds(30),
                () => $"order {order} confirmed after the backlog scan; seen {env.Of(order).Count} records");
            var records = env.Of(order);
            Assert.Single(records.Where(r => r.Payment.Confirmed).Select(r => r.Envelope.Id).Distinct());
            Assert.Single(records.Where(r => !r.Payment.Confirmed).Select(r => r.Envelope.Id).Distinct());
        }
    }

    [Fact]
    public async Task Node_refusing_the_range_gets_smaller_ranges_and_every_payment_is_still_reported()
    {
        var deployment = await env.DeployAsync();
        var buyer = await env.NewActorAsync();
        var orders = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var quote = await deployment.QuoteAsync(buyer, PaymentsEnvironment.Ether / 100);
            await deployment.Checkout.PurchaseAsync(buyer.Sender, quote, deployment.Sign(quote));
            orders.Add(Deployment.OrderId(quote));
            await env.MineAsync(4);
        }

        using var node = new RangeLimitingNode(maxBlocks: 3);
        await using var harness = await WatcherHarness.StartAsync(env, deployment, confirmations: 2, configure: o => o.MaxBlockRange = 1000, handler: node);
        await harness.WaitCaughtUpAsync();
        Assert.True(node.Refused > 0, "the node should have refused the first, wide ranges");
        foreach (var order in orders)
            Assert.Contains(env.Of(order), o => o.Payment.Confirmed);
    }

    [Fact]
    public async Task Failing_node_calls_abort_passes_without_losing_or_repeating_any_report()
    {
        var deployment = await env.DeployAsync();
        using var node = new FaultyNode(failureRate: 0.5, seed: 42);
        await using var harness = await WatcherHarness.StartAsync(env, deployment, confirmations: 2, handler: node);
        var buyer = await env.NewActorAsync();
        var orders = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var quote = await deployment.QuoteAsync(buyer, PaymentsEnvironment.Ether / 100);
            await deployment.Checkout.PurchaseAsync(buyer.Sender, quote, deployment.Sign(quote));
            orders.Add(Deployment.OrderId(quote));
            await env.MineAsync(i % 3);
        }
        await env.MineAsync(2);
        await harness.WaitCaughtUpAsync();

        Assert.True(node.Failed > 0, "the node should have failed some calls");
        Assert.True(harness.Status.Current.FailedPasses > 0, "some passes should have failed");
        foreach (var order in orders)
        {
            var records = env.Of(order);
            Assert.Single(records.Where(r => !r.Payment.Confirmed).Select(r => r.Envelope.Id).Distinct());
            Assert.Single(records.Where(r => r.Payment.Confirmed).Select(r => r.Envelope.Id).Distinct());
            Assert.DoesNotContain(records, r => r.Payment.Reorged);
        }
    }

    [Fact]
    public async Task Second_watcher_of_a_checkout_is_fenced_off_then_carries_on_from_what_the_other_stored()
    {
        var deployment = await env.DeployAsync();
        await using var harness = await WatcherHarness.StartAsync(env, deployment, confirmations: 2);
        await harness.StopWatcherAsync();
        var rpc = new JsonRpcClient(new HttpClient(), new JsonRpcClientOptions { Endpoint = env.Endpoint });
        var first = new CheckoutFollower(harness.Options, harness.Store, rpc, NullLogger.Instance);
        var second = new CheckoutFollower(harness.Options, harness.Store, rpc, NullLogger.Instance);
        await first.PollOnceAsync(CancellationToken.None);
        await second.PollOnceAsync(CancellationToken.None);   // loads what the first stored

        await env.MineAsync(1);
        await second.PollOnceAsync(CancellationToken.None);
        var head = await env.Eth.GetBlockNumberAsync();
        Assert.Equal(head, second.State!.CursorBlock);

        await env.MineAsync(1);
        await Assert.ThrowsAsync<CursorMovedException>(() => first.PollOnceAsync(CancellationToken.None));
        Assert.Equal(head, await harness.CursorAsync());
        await first.PollOnceAsync(CancellationToken.None);   // reloaded: carries on from the second one's cursor
        Assert.Equal(head + 1, first.State!.CursorBlock);
        Assert.Equal(head + 1, await harness.CursorAsync());
    }
}
