using System.Text.Json.Serialization;
using Commerce.Events.Auctions;
using Orleans;

namespace Commerce.Actors.Auctions;

/// <summary>
/// An English auction of one item, kept in the item's state. <see cref="Highest"/> is the highest bid and
/// <see cref="RunnerUp"/> the one before it (the next highest valid bidder's best: a bidder cannot outbid themself, so
/// consecutive accepted bids come from different bidders). <see cref="RecentBids"/> holds the newest accepted bids
/// (oldest first, at most <see cref="MaxRecentBids"/>; the last is the highest): in memory and in the item's journal, one
/// entry per accepted bid (<see cref="AuctionBidJournal"/>), not in the item's row, so an accepted bid writes a small row
/// and one journal entry instead of re-serializing every kept bid. <see cref="Seq"/> numbers the auction's news for its watchers.
/// </summary>
[GenerateSerializer, Immutable, Alias("commerce.state.AuctionState")]
public sealed record AuctionState(
    [property: Id(0)] string AuctionId,
    [property: Id(1)] decimal Reserve,
    [property: Id(2)] string Currency,
    [property: Id(3)] int IncrementPercent,
    [property: Id(4)] TimeSpan Duration,
    [property: Id(5)] TimeSpan ExtensionWindow,
    [property: Id(6)] TimeSpan PaymentWindow,
    [property: Id(7)] AuctionPhase Phase,
    [property: Id(8)] DateTimeOffset OpenedAt,
    [property: Id(9)] DateTimeOffset? StartedAt,
    [property: Id(10)] DateTimeOffset? EndsAt,
    [property: Id(11)] long Seq,
    [property: Id(12)] int BidCount,
    [property: Id(13), JsonIgnore] IReadOnlyList<AuctionBid> RecentBids,
    [property: Id(15)] AuctionOffer? Offer,
    [property: Id(16)] AuctionOutcome? Outcome,
    [property: Id(17)] string OpenedBy,
    [property: Id(18)] AuctionBid? Highest = null,
    [property: Id(19)] AuctionBid? RunnerUp = null,
    [property: Id(20), JsonPropertyName("recentBids"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyList<AuctionBid>? RowBids = null)
{
    /// <summary>
    /// A state read from the item's row, which holds the highest bid and the runner-up but not the other kept bids: the
    /// grain fills <see cref="RecentBids"/> from its journal.
    /// </summary>
    [JsonConstructor]
    public AuctionState(string auctionId, decimal reserve, string currency, int incrementPercent, TimeSpan duration, TimeSpan extensionWindow,
        TimeSpan paymentWindow, AuctionPhase phase, DateTimeOffset openedAt, DateTimeOffset? startedAt, DateTimeOffset? endsAt, long seq,
        int bidCount, AuctionOffer? offer, AuctionOutcome? outcome, string openedBy, AuctionBid? highest, AuctionBid? runnerUp,
        IReadOnlyList<AuctionBid>? rowBids)
        : this(auctionId, reserve, currency, incrementPercent, duration, extensionWindow, paymentWindow, phase, openedAt, startedAt, endsAt,
            seq, bidCount, [], offer, outcome, openedBy, highest, runnerUp, rowBids)
    {
    }

    /// <summary>
    /// Accepted bids kept: a repeated bid id among them is answered as the first; their distinct bidders are those told
    /// they lost (<see cref="Bidders"/>).
    /// </summary>
    public const int MaxRecentBids = 200;

    /// <summary>The newest bids a watcher's snapshot shows.</summary>
    public const int ShownBids = 32;

    /// <summary>The distinct bidders of <see cref="RecentBids"/>, in the order of their first kept bid: those told they lost.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Bidders => RecentBids.Select(b => b.Bidder).Distinct(StringComparer.Ordinal).ToArray();
}
