using Commerce.Events.Auctions;

namespace Commerce.Actors.Auctions;

/// <summary>
/// The English auction's rules, as pure functions of the auction, the bid and the time: reserve, minimum increment,
/// anti-sniping, no outbidding oneself, the end. The item grain applies them one bid at a time in arrival order.
/// </summary>
public static class AuctionRules
{
    public const int DefaultIncrementPercent = 5;
    public static readonly TimeSpan DefaultExtensionWindow = TimeSpan.FromMinutes(15);

    /// <summary>The least the next bid may be: the reserve, then the highest bid plus the increment, rounded up to the currency's precision.</summary>
    public static decimal MinimumNext(AuctionState auction) => auction.Highest is { } highest
        ? RoundUp(highest.Amount * (100 + auction.IncrementPercent) / 100m, auction.Currency)
        : auction.Reserve;

    /// <summary>True while bids are taken at <paramref name="now"/>: open, and its end (once the clock started) not reached.</summary>
    public static bool IsTakingBids(AuctionState auction, DateTimeOffset now) =>
        auction.Phase == AuctionPhase.Open && (auction.EndsAt is not { } end || now < end);

    public static BidDecision Decide(string itemId, AuctionState? auction, BidSubmitted bid, DateTimeOffset now)
    {
        if (auction is null)
            return Refuse(bid, BidRefusal.NoAuction, null, $"item {itemId} has no auction");
        // A repeated bid id is answered as the first, whenever it comes (the bids kept cover any retry).
        foreach (var kept in auction.RecentBids)
        {
            if (kept.BidId == bid.BidId && kept.Bidder == bid.Bidder)
                return new BidDecision(auction, AcceptedOf(itemId, auction, kept), null, Repeat: true);
        }
        if (!IsTakingBids(auction, now))
            return Refuse(bid, BidRefusal.Ended, null, auction.EndsAt is { } end ? $"the auction ended at {end:O}" : "the auction ended");
        if (!string.Equals(bid.Currency, auction.Currency, StringComparison.Ordinal))
            return Refuse(bid, BidRefusal.WrongCurrency, null, $"the auction is in {auction.Currency}");
        if (auction.Highest is { } highest && highest.Bidder == bid.Bidder)
            return Refuse(bid, BidRefusal.AlreadyHighest, null, "you already hold the highest bid");
        var minimum = MinimumNext(auction);
        if (bid.Amount < minimum)
        {
            var why = auction.Highest is null ? "the reserve" : $"the highest bid plus {auction.IncrementPercent} %";
            return Refuse(bid, BidRefusal.TooLow, minimum, $"the minimum is {minimum} {auction.Currency} ({why})");
        }

        var endsAt = auction.EndsAt ?? now + auction.Duration;
        if (endsAt - now < auction.ExtensionWindow)
            endsAt = now + auction.ExtensionWindow; // anti-sniping: a late bid leaves the whole window to answer it
        var seq = auction.Seq + 1;
        var accepted = new AuctionBid(bid.BidId, bid.Bidder, bid.Amount, bid.Source, now, seq);
        var bids = auction.RecentBids.Count < AuctionState.MaxRecentBids
            ? [.. auction.RecentBids, accepted]
            : auction.RecentBids.Skip(1).Append(accepted).ToArray();
        var next = auction with
        {
            StartedAt = auction.StartedAt ?? now,
            EndsAt = endsAt,
            Seq = seq,
            BidCount = auction.BidCount + 1,
            RecentBids = bids,
            Highest = accepted,
            RunnerUp = auction.Highest,
        };
        return new BidDecision(next, AcceptedOf(itemId, next, accepted), null, Repeat: false);
    }

    /// <summary>The answer to an accepted bid (repeated as first given, but with the auction's current end and minimum).</summary>
    private static BidAccepted AcceptedOf(string itemId, AuctionState auction, AuctionBid bid) =>
        new(itemId, auction.AuctionId, bid.BidId, bid.Bidder, bid.Amount, auction.Currency, bid.Seq, bid.At,
            auction.EndsAt ?? bid.At + auction.Duration, MinimumNext(auction), bid.Source);

    private static BidDecision Refuse(BidSubmitted bid, BidRefusal reason, decimal? minimum, string detail) =>
        new(null, null, new BidRefused(bid.ItemId, bid.BidId, bid.Bidder, reason, minimum, detail), Repeat: false);

    /// <summary>Rounds up to the currency's smallest unit (USDC: 6 decimals; ETH and others: 18).</summary>
    internal static decimal RoundUp(decimal amount, string currency) =>
        Math.Round(amount, currency == "USDC" ? 6 : 18, MidpointRounding.ToPositiveInfinity);
}
