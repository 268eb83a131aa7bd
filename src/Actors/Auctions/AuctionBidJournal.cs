using System.Text.Json;
using Commerce.Actors.Serialization;
using Commerce.Actors.Storage;

namespace Commerce.Actors.Auctions;

/// <summary>
/// The item grain's journal of accepted bids: one entry per bid (kind <see cref="Kind"/>), numbered over all the item's
/// auctions, written in the same transaction as the item's state; the store keeps the newest
/// <see cref="AuctionState.MaxRecentBids"/>. An activation reads the current auction's bids back from it.
/// </summary>
public static class AuctionBidJournal
{
    public const string Kind = "bid";

    public static string Body(string auctionId, AuctionBid bid) =>
        JsonSerializer.Serialize(JournaledBid.Of(auctionId, bid), GrainJsonContext.Default.JournaledBid);

    /// <summary>The bids of <paramref name="auctionId"/> among <paramref name="entries"/>, oldest first, at most <see cref="AuctionState.MaxRecentBids"/>.</summary>
    public static IReadOnlyList<AuctionBid> BidsOf(IEnumerable<JournalEntry> entries, string auctionId)
    {
        var bids = new List<AuctionBid>();
        foreach (var entry in entries.Where(e => e.Kind == Kind).OrderBy(e => e.Seq))
        {
            var journaled = JsonSerializer.Deserialize(entry.BodyJson, GrainJsonContext.Default.JournaledBid);
            if (journaled is not null && journaled.AuctionId == auctionId)
                bids.Add(journaled.ToBid());
        }
        return bids.Count <= AuctionState.MaxRecentBids ? bids : bids[^AuctionState.MaxRecentBids..];
    }
}
