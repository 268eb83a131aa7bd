namespace Commerce.GameSimulator.Auctions;

/// <summary>What the sniping race saw: bids, how often a late bid moved the end, who won at what, and who was told.</summary>
public sealed record AuctionReport(
    string ItemId,
    int Bids,
    int Extensions,
    string? Winner,
    decimal? Price,
    string Currency,
    bool WinnerOffered,
    bool QuoteSigned,
    bool LoserTold,
    bool LateBidRefused,
    string? Problem)
{
    /// <summary>The race ran as an English auction should: a late bid extended the end, the winner got the item offered, the loser was told, a bid after the end was refused.</summary>
    public bool Passed => Problem is null && Extensions > 0 && WinnerOffered && LoserTold && LateBidRefused;

    public string Line => Problem is { } problem
        ? $"auction {ItemId}: {problem}"
        : $"auction {ItemId}: {Bids} bids, end extended {Extensions} times by snipes, won by {Winner} at {Price} {Currency}; "
          + $"winner offered it{(QuoteSigned ? " with a signed quote" : "")}: {(WinnerOffered ? "yes" : "NO")}, loser told: {(LoserTold ? "yes" : "NO")}, "
          + $"late bid refused: {(LateBidRefused ? "yes" : "NO")}";
}
