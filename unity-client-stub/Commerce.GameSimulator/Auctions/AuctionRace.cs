using Commerce.GameSimulator.Wallet;
using Commerce.Sdk;

namespace Commerce.GameSimulator.Auctions;

/// <summary>
/// Two players race on the demo auction through the SDK, each sniping the other in the last seconds so the end moves
/// (anti-sniping), three times; then both wait for their pushes (the winner's AuctionWon with a quote, the loser's
/// AuctionLost) and the loser tries a bid after the end.
/// </summary>
public sealed class AuctionRace(Uri url, string itemId)
{
    private const int Snipes = 3;
    private static readonly TimeSpan SnipeLead = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan PushDeadline = TimeSpan.FromSeconds(90);

    public async Task<AuctionReport> RunAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClientTransport();
        using var alice = new CommerceClient(new CommerceClientOptions { BaseUrl = url }, http, null);
        using var bob = new CommerceClient(new CommerceClientOptions { BaseUrl = url }, http, null);
        var players = new[] { alice, bob };
        foreach (var player in players)
            await player.SignInAsync(ChainWalletSigner.Generate(), cancellationToken);
        var won = new TaskCompletionSource<Tuple<string, AuctionWon>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var lost = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var subscriptions = players.Select(p =>
        {
            var subscription = p.CreatePushSubscription();
            var id = p.Session!.PlayerId;
            subscription.AuctionWon += w => { if (w.ItemId == itemId) won.TrySetResult(Tuple.Create(id, w)); };
            subscription.AuctionLost += l => { if (l.ItemId == itemId) lost.TrySetResult(id); };
            subscription.Start();
            return subscription;
        }).ToList();
        try
        {
            var auction = await OpenAuctionAsync(alice, cancellationToken);
            if (auction is null)
                return Failed($"no open auction within 60 s");

            var bids = 0;
            var extensions = 0;
            var leader = 0;
            var first = await alice.PlaceBidAsync(itemId, "race-0", auction.NextMinimum, auction.Currency, cancellationToken);
            if (!first.Accepted || first.EndsAt is not { } endsAt || first.Minimum is not { } minimum)
                return Failed($"the opening bid was answered {first.Status}: {first.Detail}");
            bids++;
            for (var snipe = 1; snipe <= Snipes; snipe++)
            {
                var wait = endsAt - SnipeLead - DateTimeOffset.UtcNow;
                if (wait > TimeSpan.Zero)
                    await Task.Delay(wait, cancellationToken); // the sniper waits for the last seconds on purpose
                var challenger = 1 - leader;
                var answer = await players[challenger].PlaceBidAsync(itemId, $"race-{snipe}", minimum, auction.Currency, cancellationToken);
                if (!answer.Accepted || answer.EndsAt is not { } newEnd || answer.Minimum is not { } next)
                    return Failed($"snipe {snipe} was answered {answer.Status}: {answer.Detail}");
                bids++;
                if (newEnd > endsAt)
                    extensions++;
                (endsAt, minimum, leader) = (newEnd, next, challenger);
            }

            var winnerId = players[leader].Session!.PlayerId;
            var offered = await WithinAsync(won.Task, endsAt + PushDeadline, cancellationToken);
            var told = await WithinAsync(lost.Task, endsAt + PushDeadline, cancellationToken);
            var late = await players[1 - leader].PlaceBidAsync(itemId, "race-late", minimum * 2, auction.Currency, cancellationToken);
            var price = offered?.Item2.Price;
            return new AuctionReport(itemId, bids, extensions, Short(winnerId), price, auction.Currency,
                offered is { } o && o.Item1 == winnerId, offered?.Item2.Quote is not null, told == players[1 - leader].Session!.PlayerId,
                late.Status == BidStatuses.Ended, null);
        }
        finally
        {
            foreach (var subscription in subscriptions)
                subscription.Dispose();
        }
    }

    /// <summary>The auction once the demo opened it (the platform opens it when its catalog is listed).</summary>
    private async Task<AuctionInfo?> OpenAuctionAsync(CommerceClient client, CancellationToken cancellationToken)
    {
        var until = DateTimeOffset.UtcNow.AddSeconds(60);
        while (DateTimeOffset.UtcNow < until)
        {
            try
            {
                var auction = await client.GetAuctionAsync(itemId, cancellationToken);
                if (auction.Phase == "Open" && auction.BidCount == 0)
                    return auction;
                return null;
            }
            catch (CommerceApiException e) when (e.Kind == CommerceErrorKind.NotFound)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken); // polling the platform, as a client would
            }
        }

        return null;
    }

    private static async Task<T?> WithinAsync<T>(Task<T> task, DateTimeOffset until, CancellationToken cancellationToken) where T : class
    {
        var left = until - DateTimeOffset.UtcNow;
        try
        {
            return await task.WaitAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero, cancellationToken);
        }
        catch (TimeoutException)
        {
            return default;
        }
    }

    private AuctionReport Failed(string problem) => new(itemId, 0, 0, null, null, "", false, false, false, false, problem);

    private static string Short(string wallet) => wallet.Length > 10 ? wallet[..6] + "…" + wallet[^4..] : wallet;
}
