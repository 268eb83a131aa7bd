using Commerce.Actors.Auctions;
using Commerce.Events.Auctions;

namespace Commerce.Actors.Tests.Auctions;

/// <summary>The English auction's rules, one bid at a time: reserve, increment, anti-sniping, the end, repeats.</summary>
public sealed class AuctionRulesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private const string Item = "dragons:7";
    private const string Alice = "0xa11ce00000000000000000000000000000000001";
    private const string Bob = "0xb0b0000000000000000000000000000000000002";

    private static AuctionState Auction(decimal reserve = 1m, string currency = "ETH", int increment = 5) =>
        new("auction-1", reserve, currency, increment, TimeSpan.FromHours(1), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(10),
            AuctionPhase.Open, T0, null, null, 0, 0, [], null, null, "marketing");

    private static BidSubmitted Bid(string bidder, decimal amount, string? id = null, string currency = "ETH") =>
        new(Item, id ?? Guid.NewGuid().ToString("N"), bidder, amount, currency, "player");

    private static AuctionState Accept(AuctionState auction, BidSubmitted bid, DateTimeOffset at)
    {
        var decision = AuctionRules.Decide(Item, auction, bid, at);
        Assert.True(decision.Changed, $"expected {bid.Amount} by {bid.Bidder} to be accepted, got {decision.Refused?.Reason}: {decision.Refused?.Detail}");
        return decision.Auction!;
    }

    [Fact]
    public void A_bid_below_the_reserve_is_too_low_with_the_reserve_as_minimum_and_starts_no_clock()
    {
        var decision = AuctionRules.Decide(Item, Auction(reserve: 2m), Bid(Alice, 1.99m), T0);

        Assert.False(decision.Changed);
        Assert.Equal((BidRefusal.TooLow, (decimal?)2m), (decision.Refused!.Reason, decision.Refused.Minimum));
    }

    [Fact]
    public void The_first_bid_at_the_reserve_starts_the_clock()
    {
        var at = T0.AddMinutes(30);

        var auction = Accept(Auction(reserve: 2m), Bid(Alice, 2m), at);

        Assert.Equal((at, at.AddHours(1)), (auction.StartedAt, auction.EndsAt));
        Assert.Equal((1, 1L), (auction.BidCount, auction.Seq));
    }

    [Theory]
    [InlineData("1", 5, "1.04", false, "1.05")]
    [InlineData("1", 5, "1.05", true, "1.1025")]
    [InlineData("1", 10, "1.09", false, "1.1")]
    [InlineData("0.3", 5, "0.315", true, "0.33075")]
    public void A_bid_must_beat_the_highest_by_the_increment(string first, int increment, string second, bool accepted, string minimumAfter)
    {
        var auction = Accept(Auction(reserve: 0.1m, increment: increment), Bid(Alice, decimal.Parse(first)), T0);

        var decision = AuctionRules.Decide(Item, auction, Bid(Bob, decimal.Parse(second)), T0.AddMinutes(1));

        Assert.Equal(accepted, decision.Changed);
        var minimum = accepted ? AuctionRules.MinimumNext(decision.Auction!) : decision.Refused!.Minimum!.Value;
        Assert.Equal(decimal.Parse(minimumAfter), minimum);
    }

    [Fact]
    public void The_minimum_is_rounded_up_to_the_currency_precision()
    {
        var auction = Accept(Auction(reserve: 1m, currency: "USDC", increment: 3), Bid(Alice, 1.000001m, currency: "USDC"), T0);

        // 1.000001 * 1.03 = 1.03000103: up to 6 decimals.
        Assert.Equal(1.030002m, AuctionRules.MinimumNext(auction));
    }

    /// <summary>The end is an hour after the first bid; the window is the last 15 minutes.</summary>
    [Theory]
    [InlineData(-15 * 60, 0)]         // exactly N before the end: N remain already, no change
    [InlineData(-15 * 60 + 1, 1)]     // one second inside the window: extended by a second
    [InlineData(-1, 15 * 60 - 1)]     // the last second: extended so 15 minutes remain
    [InlineData(-30 * 60, 0)]         // well before the window
    public void A_bid_in_the_last_minutes_extends_the_end_so_that_the_window_remains(int secondsFromEnd, int extendedBySeconds)
    {
        var auction = Accept(Auction(), Bid(Alice, 1m), T0);
        var end = auction.EndsAt!.Value;
        var at = end.AddSeconds(secondsFromEnd);

        var after = Accept(auction, Bid(Bob, 2m), at);

        Assert.Equal(end.AddSeconds(extendedBySeconds), after.EndsAt);
        Assert.True(after.EndsAt - at >= TimeSpan.FromMinutes(15) || extendedBySeconds == 0);
    }

    [Fact]
    public void A_bid_at_or_after_the_end_is_refused_as_ended()
    {
        var auction = Accept(Auction(), Bid(Alice, 1m), T0);
        var end = auction.EndsAt!.Value;

        Assert.Equal(BidRefusal.Ended, AuctionRules.Decide(Item, auction, Bid(Bob, 5m), end).Refused!.Reason);
        Assert.Equal(BidRefusal.Ended, AuctionRules.Decide(Item, auction, Bid(Bob, 5m), end.AddDays(1)).Refused!.Reason);
        Assert.True(AuctionRules.Decide(Item, auction, Bid(Bob, 5m), end.AddTicks(-1)).Changed);
    }

    [Fact]
    public void A_settled_or_cancelled_auction_refuses_bids_as_ended()
    {
        var over = Auction() with { Phase = AuctionPhase.Ended, Outcome = AuctionOutcome.Cancelled };

        Assert.Equal(BidRefusal.Ended, AuctionRules.Decide(Item, over, Bid(Bob, 5m), T0).Refused!.Reason);
        Assert.Equal(BidRefusal.NoAuction, AuctionRules.Decide(Item, null, Bid(Bob, 5m), T0).Refused!.Reason);
    }

    [Fact]
    public void The_highest_bidder_cannot_outbid_themself()
    {
        var auction = Accept(Auction(), Bid(Alice, 1m), T0);

        var decision = AuctionRules.Decide(Item, auction, Bid(Alice, 3m), T0.AddMinutes(1));

        Assert.Equal(BidRefusal.AlreadyHighest, decision.Refused!.Reason);
        Assert.True(AuctionRules.Decide(Item, Accept(auction, Bid(Bob, 2m), T0.AddMinutes(1)), Bid(Alice, 3m), T0.AddMinutes(2)).Changed);
    }

    [Fact]
    public void A_bid_in_another_currency_is_refused()
    {
        Assert.Equal(BidRefusal.WrongCurrency, AuctionRules.Decide(Item, Auction(), Bid(Alice, 5m, currency: "USDC"), T0).Refused!.Reason);
    }

    [Fact]
    public void A_repeated_bid_id_is_answered_as_the_first_even_after_later_bids_and_the_end()
    {
        var first = Bid(Alice, 1m, "alice-1");
        var auction = Accept(Auction(), first, T0);
        auction = Accept(auction, Bid(Bob, 2m), T0.AddMinutes(1));

        var repeat = AuctionRules.Decide(Item, auction, first, T0.AddDays(2));

        Assert.False(repeat.Changed);
        Assert.True(repeat.Repeat);
        Assert.Equal(("alice-1", 1m, 1L), (repeat.Accepted!.BidId, repeat.Accepted.Amount, repeat.Accepted.Seq));
        Assert.Same(auction, repeat.Auction);
    }

    [Fact]
    public void The_runner_up_is_the_best_bid_of_another_bidder_than_the_winner()
    {
        var auction = Accept(Auction(), Bid(Alice, 1m), T0);
        auction = Accept(auction, Bid(Bob, 1.1m), T0);
        auction = Accept(auction, Bid(Alice, 1.2m), T0);

        Assert.Equal((Alice, 1.2m), (auction.Highest!.Bidder, auction.Highest.Amount));
        Assert.Equal((Bob, 1.1m), (auction.RunnerUp!.Bidder, auction.RunnerUp.Amount));
        Assert.Equal([Alice, Bob], auction.Bidders);
    }

    [Fact]
    public void Only_the_newest_bids_are_kept_and_the_count_goes_on()
    {
        var auction = Auction(reserve: 1m);
        var amount = 1m;
        for (var i = 0; i < AuctionState.MaxRecentBids + 10; i++)
        {
            auction = Accept(auction, Bid(i % 2 == 0 ? Alice : Bob, amount), T0);
            amount = AuctionRules.MinimumNext(auction);
        }

        Assert.Equal(AuctionState.MaxRecentBids, auction.RecentBids.Count);
        Assert.Equal(AuctionState.MaxRecentBids + 10, auction.BidCount);
        Assert.Equal(auction.Seq, auction.Highest!.Seq);
    }
    [Fact]
    public void A_row_stored_before_the_journal_still_reads_its_kept_bids_and_highest()
    {
        var auction = Accept(Accept(Auction(), Bid(Alice, 1m), T0), Bid(Bob, 1.1m), T0);
        var old = System.Text.Json.JsonSerializer.Serialize(auction, Commerce.Actors.Serialization.GrainJsonContext.Default.AuctionState)
            .Replace("\"highest\"", $"\"recentBids\":{System.Text.Json.JsonSerializer.Serialize(auction.RecentBids, Commerce.Actors.Serialization.GrainJsonContext.Default.IReadOnlyListAuctionBid)},\"highest\"");

        var read = System.Text.Json.JsonSerializer.Deserialize(old, Commerce.Actors.Serialization.GrainJsonContext.Default.AuctionState)!;
        var stored = System.Text.Json.JsonSerializer.Serialize(auction, Commerce.Actors.Serialization.GrainJsonContext.Default.AuctionState);

        Assert.Equal(auction.RecentBids, read.RowBids!);
        Assert.Equal((Bob, Alice), (read.Highest!.Bidder, read.RunnerUp!.Bidder));
        Assert.Empty(read.RecentBids);
        Assert.DoesNotContain("recentBids", stored);
    }
}
