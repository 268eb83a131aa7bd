using Commerce.Actors.Auctions;

namespace Commerce.Host.Auctions;

/// <summary>An item's auction as players, watchers and staff see it (GET /api/auctions/{itemId}, the watch socket's snapshot).</summary>
public sealed record AuctionView(
    string ItemId,
    string AuctionId,
    string Phase,
    string? Outcome,
    decimal Reserve,
    string Currency,
    int IncrementPercent,
    int DurationSeconds,
    int ExtensionSeconds,
    int PaymentWindowSeconds,
    DateTimeOffset OpenedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndsAt,
    long Seq,
    int BidCount,
    AuctionBidView? Highest,
    decimal NextMinimum,
    IReadOnlyList<AuctionBidView> RecentBids,
    AuctionOfferView? Offer)
{
    public static AuctionView Of(string itemId, AuctionState a) => new(
        itemId, a.AuctionId, a.Phase.ToString(), a.Outcome?.ToString(), a.Reserve, a.Currency, a.IncrementPercent,
        (int)a.Duration.TotalSeconds, (int)a.ExtensionWindow.TotalSeconds, (int)a.PaymentWindow.TotalSeconds, a.OpenedAt, a.StartedAt,
        a.EndsAt, a.Seq, a.BidCount, a.Highest is { } h ? BidOf(h) : null, AuctionRules.MinimumNext(a),
        [.. a.RecentBids.Skip(Math.Max(0, a.RecentBids.Count - AuctionState.ShownBids)).Select(BidOf)],
        a.Offer is { } o ? new AuctionOfferView(o.Round, o.Buyer, o.Price, o.PayBy, o.OrderId) : null);

    private static AuctionBidView BidOf(AuctionBid b) => new(b.Seq, b.Bidder, b.Amount, b.Source, b.At);
}
