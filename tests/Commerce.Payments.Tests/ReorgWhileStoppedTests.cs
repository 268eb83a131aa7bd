using Commerce.Testing;

namespace Commerce.Payments.Tests;

/// <summary>A reorg that replaced the stored cursor block while the watcher was down: found at start, walked back to the fork point.</summary>
[Collection(nameof(PaymentsCollection))]
public sealed class ReorgWhileStoppedTests(PaymentsEnvironment env)
{
    [Fact]
    public async Task Watcher_restarted_after_a_reorg_below_its_cursor_reports_the_orphaned_log_and_never_confirms_it()
    {
        var deployment = await env.DeployAsync();
        await using var harness = await WatcherHarness.StartAsync(env, deployment, confirmations: 4);
        var buyer = await env.NewActorAsync();
        var quote = await deployment.QuoteAsync(buyer, PaymentsEnvironment.Ether / 8);
        var orderId = Deployment.OrderId(quote);
        await harness.WaitCaughtUpAsync();
        var forkBase = await env.Eth.GetBlockNumberAsync();

        var snapshot = await env.Anvil.SnapshotAsync();
        var orphan = await deployment.Checkout.PurchaseAsync(buyer.Sender, quote, deployment.Sign(quote));
        await env.MineAsync(2);
        await harness.WaitCaughtUpAsync();
        Assert.Equal(orphan.BlockNumber + 2, await harness.CursorAsync());
        Assert.Single(env.Of(orderId));
        await harness.StopWatcherAsync();

        Assert.True(await env.Anvil.RevertAsync(snapshot));
        await env.MineAsync(6);   // the new chain passes the old cursor and the depth of the orphaned block
        await harness.StartWatcherAsync();
        await Eventually.Until(() => env.Of(orderId).Any(o => o.Payment.Reorged), TimeSpan.FromSeconds(30),
            () => $"the purchase in block {orphan.BlockNumber} reported reorged; seen {env.Of(orderId).Count} records");
        await harness.WaitCaughtUpAsync();
        Assert.DoesNotContain(env.Of(orderId), o => o.Payment.Confirmed);
        Assert.True(await harness.CursorAsync() > forkBase + 6 - 1);
        Assert.False(await deployment.Checkout.IsNonceUsedAsync(quote.Nonce));
    }
}
