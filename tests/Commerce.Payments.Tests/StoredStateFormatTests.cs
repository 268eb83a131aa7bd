using System.Globalization;
using Commerce.Actors.Storage;
using Commerce.Chain.JsonRpc;
using Commerce.Payments.Watcher;
using Microsoft.Extensions.Logging.Abstractions;

namespace Commerce.Payments.Tests;

/// <summary>
/// A Checkout watcher row written in the stored format of the first version (camelCase cursorBlock, cursorHash, blocks,
/// pending, recentlyConfirmed) is read by the follower: it carries on from that cursor and does not report again
/// what the row says was already confirmed.
/// </summary>
[Collection(nameof(PaymentsCollection))]
public sealed class StoredStateFormatTests(PaymentsEnvironment env)
{
    [Fact]
    public async Task A_row_in_the_first_stored_format_is_carried_on_from_without_reporting_its_confirmed_logs_again()
    {
        var deployment = await env.DeployAsync();
        var buyer = await env.NewActorAsync();
        var quote = await deployment.QuoteAsync(buyer, PaymentsEnvironment.Ether / 50);
        var parent = (await env.Eth.GetBlockByNumberAsync(BlockTag.Latest))!;
        var purchase = await deployment.Checkout.PurchaseAsync(buyer.Sender, quote, deployment.Sign(quote));
        Assert.Equal(parent.Number + 1, purchase.BlockNumber);
        await env.MineAsync(2);
        var confirmed = purchase.Logs.Where(l => l.Address == deployment.Checkout.Address)
            .Select(l => $$"""{"identity":"{{LogIdentity.Of(l.TransactionHash!, checked((int)l.LogIndex!.Value), l.BlockHash!)}}","blockNumber":{{purchase.BlockNumber}}}""");
        var number = parent.Number!.Value.ToString(CultureInfo.InvariantCulture);
        var hash = parent.Hash!.ToLowerInvariant();
        var row = $$"""{"cursorBlock":{{number}},"cursorHash":"{{hash}}","blocks":[{"number":{{number}},"hash":"{{hash}}"}],"pending":[],"recentlyConfirmed":[{{string.Join(",", confirmed)}}]}""";

        await using var store = await TestStore.CreateAsync("sqlite");
        await store.Store.InitializeAsync(CancellationToken.None);
        var options = new Options.CheckoutWatcherOptions
        {
            Enabled = true,
            CheckoutAddress = deployment.Checkout.Address.ToString(),
            RpcUrl = env.Endpoint.ToString(),
            StartBlock = deployment.DeployedAt,
        };
        var key = options.Address.ToLowerHex();
        var fence = new PartitionCursor(CheckoutFollower.StateType, "chain", $"checkout:{key}", 0);
        await store.Store.CommitAsync(new GrainBatchCommit(CheckoutFollower.StateType, fence, null, 1, [new StateWrite(key, row, 1)], []), CancellationToken.None);

        var follower = new CheckoutFollower(options, store.Store, new JsonRpcClient(new HttpClient(), new JsonRpcClientOptions { Endpoint = env.Endpoint }), NullLogger.Instance);
        await follower.PollOnceAsync(CancellationToken.None);

        Assert.Equal(await env.Eth.GetBlockNumberAsync(), follower.State!.CursorBlock);
        Assert.Equal(0, await store.Store.CountOutboxAsync(CancellationToken.None));
        Assert.Contains(follower.State.Blocks, b => b.Number == parent.Number && b.Hash == hash);
        Assert.NotEmpty(follower.State.RecentlyConfirmed);
        Assert.All(follower.State.RecentlyConfirmed, c => Assert.Equal(purchase.BlockNumber, c.BlockNumber));
    }
}
