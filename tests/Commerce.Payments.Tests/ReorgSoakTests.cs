using Commerce.Chain.Contracts;
using Commerce.Chain.JsonRpc;

namespace Commerce.Payments.Tests;

/// <summary>Many purchases, some of them orphaned by reverts shallower than the depth, with the watcher polling all along.</summary>
[Collection(nameof(PaymentsCollection))]
public sealed class ReorgSoakTests(PaymentsEnvironment env)
{
    [Theory]
    [InlineData(7)]
    [InlineData(2026)]
    public async Task Only_canonical_blocks_are_ever_confirmed_and_every_kept_purchase_exactly_once(int seed)
    {
        var random = new Random(seed);
        var deployment = await env.DeployAsync();
        await using var harness = await WatcherHarness.StartAsync(env, deployment, confirmations: 2);
        var buyer = await env.NewActorAsync(1000);
        var quotes = new List<CheckoutQuote>();
        for (var round = 0; round < 12; round++)
        {
            var snapshot = await env.Anvil.SnapshotAsync();
            var quote = await deployment.QuoteAsync(buyer, PaymentsEnvironment.Ether / 100);
            quotes.Add(quote);
            await deployment.Checkout.PurchaseAsync(buyer.Sender, quote, deployment.Sign(quote));
            if (random.Next(2) == 0)
            {
                // Orphan it while it is 1 deep (never deeper than the confirmation depth).
                if (random.Next(2) == 0)
                    await harness.WaitSeenAsync(Deployment.OrderId(quote));
                Assert.True(await env.Anvil.RevertAsync(snapshot));
                await env.MineAsync(random.Next(1, 4));
            }
            else
            {
                await env.MineAsync(random.Next(0, 3));
            }
        }
        await env.MineAsync(2);
        await harness.WaitCaughtUpAsync();

        foreach (var quote in quotes)
        {
            var records = env.Of(Deployment.OrderId(quote));
            foreach (var (_, payment) in records.Where(r => r.Payment.Confirmed))
            {
                var block = await env.Eth.GetBlockByNumberAsync((ulong)payment.BlockNumber);
                Assert.Equal(block!.Hash!.ToLowerInvariant(), payment.BlockHash);
            }
            var onChain = await deployment.Checkout.IsNonceUsedAsync(quote.Nonce);
            var confirmedIds = records.Where(r => r.Payment.Confirmed).Select(r => r.Envelope.Id).Distinct().Count();
            Assert.True(confirmedIds == (onChain ? 1 : 0),
                $"order {Deployment.OrderId(quote)} (on chain: {onChain}) has {confirmedIds} confirmations: [{string.Join(", ", records.Select(r => $"block {r.Payment.BlockNumber} confirmed={r.Payment.Confirmed} reorged={r.Payment.Reorged}"))}]");
            // Every observation of an orphaned block was withdrawn.
            foreach (var seen in records.Where(r => !r.Payment.Confirmed && !r.Payment.Reorged))
            {
                var block = await env.Eth.GetBlockByNumberAsync((ulong)seen.Payment.BlockNumber);
                var canonical = block?.Hash?.ToLowerInvariant() == seen.Payment.BlockHash;
                Assert.True(canonical || records.Any(r => r.Payment.Reorged && r.Payment.BlockHash == seen.Payment.BlockHash),
                    $"order {seen.Payment.OrderId}: the observation in orphaned block {seen.Payment.BlockNumber} was never reported reorged");
            }
        }
        Assert.Contains(quotes, q => env.Of(Deployment.OrderId(q)).Any(r => r.Payment.Reorged));
    }
}
