namespace Commerce.Host.Auctions;

/// <summary>POST /api/admin/auctions. Durations in seconds; defaults: increment 5 %, extension 900 s, payment window 900 s.</summary>
public sealed record OpenAuctionRequest(
    string? ItemId, string? AuctionId, decimal? Reserve, int? IncrementPercent, int? DurationSeconds, int? ExtensionSeconds, int? PaymentWindowSeconds);

/// <summary>POST /api/auctions/{itemId}/bids: <see cref="BidId"/> is the client's id for the bid (a retry with it is answered as the first).</summary>
public sealed record BidRequest(string? BidId, decimal? Amount, string? Currency);

/// <summary>PUT /api/admin/auctions/{itemId}/reserve.</summary>
public sealed record ChangeReserveRequest(string? AuctionId, decimal? Reserve);

/// <summary>POST /api/admin/auctions/{itemId}/cancel.</summary>
public sealed record CancelAuctionRequest(string? AuctionId);

/// <summary>
/// The answer to a bid: <see cref="Status"/> accepted, tooLow (with <see cref="Minimum"/>), ended, alreadyHighest,
/// noAuction or wrongCurrency; an accepted bid's <see cref="Seq"/> and the auction's <see cref="EndsAt"/> after it.
/// </summary>
public sealed record BidAnswer(string Status, string BidId, decimal Amount, decimal? Minimum, DateTimeOffset? EndsAt, long? Seq, string? Detail);

/// <summary>One accepted bid as a watcher sees it.</summary>
public sealed record AuctionBidView(long Seq, string Bidder, decimal Amount, string Source, DateTimeOffset At);

/// <summary>Who the item is offered to and until when (after the close).</summary>
public sealed record AuctionOfferView(int Round, string Buyer, decimal Price, DateTimeOffset PayBy, string? OrderId);

/// <summary>One of the player's accepted bids and where its auction stands.</summary>
public sealed record MyBidView(string ItemId, string AuctionId, string BidId, decimal Amount, string Currency, DateTimeOffset At,
    bool Highest, string Phase, DateTimeOffset? EndsAt, string? Outcome);
