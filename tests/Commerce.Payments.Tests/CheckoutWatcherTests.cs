using System.Globalization;
using System.Numerics;
using Commerce.Chain.Contracts;
using Commerce.Chain.JsonRpc;
using Commerce.Events.Orders;
using Commerce.Testing;

namespace Commerce.Payments.Tests;

/// <summary>The watcher against a real Anvil node and real contracts, read back from the embedded Kafka's order-events topic.</summary>
[Collection(nameof(PaymentsCollection))]
public sealed class CheckoutWatcherTests(PaymentsEnvironment env)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Eth_purchase_is_reported_unconfirmed_then_confirmed_at_depth(string store)
    {
        var deployment = await env.DeployAsync();
        await using var harness = await WatcherHarness.StartAsync(env, deployment, confirmations: 2, store);
        var buyer = await env.NewActorAsync();
        var quote = await deployment.QuoteAsync(buyer, PaymentsEnvironment.Ether / 10);
        var receipt = await deployment.Checkout.PurchaseAsync(buyer.Sender, quote, deployment.Sign(quote));
        var orderId = Deployment.OrderId(quote);

        var seen = await WaitForAsync(orderId, p => p.Kind == "Purchased" && !p.Confirmed, "Purchased, unconfirmed");
        Assert.Equal(buyer.Address.ToString(), seen.Buyer);
        Assert.Equal((PaymentsEnvironment.Ether / 10).ToString(CultureInfo.InvariantCulture), seen.Amount);
        Assert.Equal(seen.Amount, seen.TotalPaid);
        Assert.Null(seen.NextDeadline);
        Assert.Equal(receipt.TransactionHash.ToLowerInvariant(), seen.TransactionHash);
        Assert.Equal((long)receipt.BlockNumber, seen.BlockNumber);
        Assert.Equal(receipt.BlockHash.ToLowerInvariant(), seen.BlockHash);
        Assert.False(seen.Reorged);

        // The block is 1 deep: not yet confirmed, however long the watcher looks.
        await harness.WaitCaughtUpAsync();
        Assert.DoesNotContain(env.Of(orderId), o => o.Payment.Confirmed);
        await Eventually.Until(() => harness.Status.Current is { Enabled: true, PendingLogs: 1, Lag: 0 } s && s.Cursor == receipt.BlockNumber, Deadline,
            () => $"the watcher's status at block {receipt.BlockNumber} with 1 log pending, no lag; is {harness.Status.Current}");

        await env.MineAsync(1);
        var confirmed = await WaitForAsync(orderId, p => p.Confirmed, "Purchased, confirmed");
        Assert.Equal(seen with { Confirmed = true }, confirmed);
        var records = env.Of(orderId);
        Assert.Equal(2, records.Select(r => r.Envelope.Id).Distinct().Count());
    }

    [Fact]
    public async Task Installments_are_reported_as_paid_and_the_plan_as_completed()
    {
        var deployment = await env.DeployAsync();
        await using var harness = await WatcherHarness.StartAsync(env, deployment, confirmations: 1);
        var buyer = await env.NewActorAsync();
        var price = PaymentsEnvironment.Ether + 1;
        var quote = await deployment.QuoteAsync(buyer, price, installments: 2);
        await deployment.Checkout.PurchaseAsync(buyer.Sender, quote, deployment.Sign(quote));
        var orderId = Deployment.OrderId(quote);
        var down = await deployment.Checkout.DownPaymentAsync(price, 2);
        var installment = await deployment.Checkout.InstallmentAmountAsync(price, 2);

        var purchased = await WaitForAsync(orderId, p => p.Kind == "Purchased" && p.Confirmed, "Purchased, confirmed");
        Assert.Equal(down.ToString(CultureInfo.InvariantCulture), purchased.Amount);
        Assert.NotNull(purchased.NextDeadline);

        await deployment.Checkout.PayInstallmentAsync(buyer.Sender, quote.Nonce, installment);
        var paid = await WaitForAsync(orderId, p => p.Kind == "InstallmentPaid" && p.Confirmed, "InstallmentPaid, confirmed");
        Assert.Equal(installment.ToString(CultureInfo.InvariantCulture), paid.Amount);
        Assert.Equal(price.ToString(CultureInfo.InvariantCulture), paid.TotalPaid);
        Assert.Null(paid.NextDeadline);
        var completed = await WaitForAsync(orderId, p => p.Kind == "PlanCompleted" && p.Confirmed, "PlanCompleted, confirmed");
        Assert.Equal(paid.TransactionHash, completed.TransactionHash);
        Assert.True(completed.LogIndex > paid.LogIndex);
        Assert.Equal(buyer.Address, await deployment.Items.OwnerOfAsync(quote.TokenId));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Orphaned_purchase_is_reported_reorged_never_confirmed_and_confirmed_once_included_again(string store)
    {
        var deployment = await env.DeployAsync();
        await using var harness = await WatcherHarness.StartAsync(env, deployment, confirmations: 2, store);
        var buyer = await env.NewActorAsync();
        var quote = await deployment.QuoteAsync(buyer, PaymentsEnvironment.Ether / 5);
        var signature = deployment.Sign(quote);
        var orderId = Deployment.OrderId(quote);
        await harness.WaitCaughtUpAsync();

        var snapshot = await env.Anvil.SnapshotAsync();
        var first = await deployment.Checkout.PurchaseAsync(buyer.Sender, quote, signature);
        await WaitForAsync(orderId, p => p.BlockHash == first.BlockHash.ToLowerInvariant() && !p.Confirmed, "Purchased in the first block, unconfirmed");

        Assert.True(await env.Anvil.RevertAsync(snapshot));
        await env.MineAsync(2);   // another chain, taller than the one the purchase was in
        var replaced = await env.Eth.GetBlockByNumberAsync(first.BlockNumber);
        Assert.NotEqual(first.BlockHash, replaced!.Hash);

        var reorged = await WaitForAsync(orderId, p => p.Reorged, "the first purchase reported reorged");
        Assert.Equal(first.BlockHash.ToLowerInvariant(), reorged.BlockHash);
        Assert.False(reorged.Confirmed);
        await harness.WaitCaughtUpAsync();
        await env.MineAsync(3);
        await harness.WaitCaughtUpAsync();
        Assert.DoesNotContain(env.Of(orderId), o => o.Payment.Confirmed);

        // The same purchase, included again in another block.
        var second = await deployment.Checkout.PurchaseAsync(buyer.Sender, quote, signature);
        Assert.NotEqual(first.BlockHash, second.BlockHash);
        await env.MineAsync(1);
        var confirmed = await WaitForAsync(orderId, p => p.Confirmed, "the purchase confirmed in its new block");
        Assert.Equal(second.BlockHash.ToLowerInvariant(), confirmed.BlockHash);
        await harness.WaitCaughtUpAsync();
        var all = env.Of(orderId);
        Assert.All(all.Where(o => o.Payment.Confirmed), o => Assert.Equal(second.BlockHash.ToLowerInvariant(), o.Payment.BlockHash));
        Assert.Single(all.Where(o => o.Payment.Reorged).Select(o => o.Envelope.Id).Distinct());
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Restarted_watcher_resumes_from_its_cursor_without_duplicate_confirmations(string store)
    {
        var deployment = await env.DeployAsync();
        await using var harness = await WatcherHarness.StartAsync(env, deployment, confirmations: 3, store);
        var buyer = await env.NewActorAsync();
        var firstQuote = await deployment.QuoteAsync(buyer, PaymentsEnvironment.Ether / 20);
        await deployment.Checkout.PurchaseAsync(buyer.Sender, firstQuote, deployment.Sign(firstQuote));
        var first = Deployment.OrderId(firstQuote);
        await WaitForAsync(first, p => !p.Confirmed, "the first purchase, unconfirmed");
        await env.MineAsync(1);
        await harness.WaitCaughtUpAsync();

        await harness.StopWatcherAsync();
        var stoppedAt = await harness.CursorAsync();
        // While it is stopped: the first purchase gets deep enough, a second one is made.
        await env.MineAsync(1);
        var secondQuote = await deployment.QuoteAsync(buyer, PaymentsEnvironment.Ether / 30);
        await deployment.Checkout.PurchaseAsync(buyer.Sender, secondQuote, deployment.Sign(secondQuote));
        var second = Deployment.OrderId(secondQuote);
        Assert.DoesNotContain(env.Of(first), o => o.Payment.Confirmed);
        Assert.Equal(stoppedAt, await harness.CursorAsync());

        await harness.StartWatcherAsync();
        await WaitForAsync(first, p => p.Confirmed, "the first purchase confirmed by the restarted watcher");
        await WaitForAsync(second, p => !p.Confirmed, "the second purchase seen by the restarted watcher");
        await env.MineAsync(2);
        await WaitForAsync(second, p => p.Confirmed, "the second purchase confirmed");

        // Stop and start again with nothing new: nothing is reported twice.
        await harness.WaitCaughtUpAsync();
        await harness.StopWatcherAsync();
        await harness.StartWatcherAsync();
        await env.MineAsync(2);
        await harness.WaitCaughtUpAsync();
        foreach (var order in new[] { first, second })
        {
            var records = env.Of(order);
            Assert.Single(records.Where(r => r.Payment.Confirmed).Select(r => r.Envelope.Id).Distinct());
            Assert.Single(records.Where(r => !r.Payment.Confirmed).Select(r => r.Envelope.Id).Distinct());
            Assert.DoesNotContain(records, r => r.Payment.Reorged);
        }
    }

    private async Task<PaymentObserved> WaitForAsync(string orderId, Func<PaymentObserved, bool> condition, string expected)
    {
        PaymentObserved? found = null;
        await Eventually.Until(() =>
        {
            found = env.Of(orderId).Select(o => o.Payment).FirstOrDefault(condition);
            return found is not null;
        }, Deadline, () => $"{expected} for order {orderId} on commerce.order-events; seen: [{string.Join(", ", env.Of(orderId).Select(o => Describe(o.Payment)))}]");
        return found!;
    }

    private static string Describe(PaymentObserved p) =>
        $"{p.Kind} block {p.BlockNumber} {p.BlockHash[..10]} confirmed={p.Confirmed} reorged={p.Reorged}";
}
