using Commerce.Testing;

namespace Commerce.Payments.Tests;

/// <summary>A reorg that replaced the stored cursor block while the watcher was down: found at start, walked back to the fork point.</summary>
[Collection(nameof(PaymentsCollection))]
public sealed class ReorgWhileStoppedTests(PaymentsEnvironment env)
{
    [Fact]
    public async Task Watcher_restarted_after_a_reorg_below_its_cursor_reports_the_orphaned_log_and_confirms_the_purchase_where_it_was_included_again()
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
        // On the new chain the same purchase lands at the same height, below the stored cursor.
        var again = await deployment.Checkout.PurchaseAsync(buyer.Sender, quote, deployment.Sign(quote));
        Assert.Equal(orphan.BlockNumber, again.BlockNumber);
        Assert.NotEqual(orphan.BlockHash, again.BlockHash);
        await env.MineAsync(5);   // the new chain passes the old cursor and the depth
        await harness.StartWatcherAsync();
        await Eventually.Until(() => env.Of(orderId).Any(o => o.Payment.Confirmed), TimeSpan.FromSeconds(30),
            () => $"the purchase confirmed in its new block {again.BlockNumber}; seen {env.Of(orderId).Count} records");
        await harness.WaitCaughtUpAsync();
        var records = env.Of(orderId);
        var reorged = Assert.Single(records, o => o.Payment.Reorged);
        Assert.Equal(orphan.BlockHash.ToLowerInvariant(), reorged.Payment.BlockHash);
        var confirmed = Assert.Single(records, o => o.Payment.Confirmed);
        Assert.Equal(again.BlockHash.ToLowerInvariant(), confirmed.Payment.BlockHash);
        Assert.True(await harness.CursorAsync() >= forkBase + 6);
    }
}
