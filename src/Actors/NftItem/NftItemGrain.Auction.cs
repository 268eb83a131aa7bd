using Commerce.Actors.Auctions;
using Commerce.Actors.Runtime;
using Commerce.Events;
using Commerce.Events.Auctions;
using Commerce.Events.Items;
using Commerce.Events.Topics;

namespace Commerce.Actors.NftItem;

/// <summary>
/// The item's English auction (docs/AUCTIONS.md): bids one at a time in arrival order (<see cref="AuctionRules"/>), a
/// refused bid answered without a write; the end and each payment window on the "auction" reminder; the winner, then
/// the next highest bidder, offered the item with a signed quote; the item held from the opening until the auction
/// ends, and released exactly once.
/// </summary>
public sealed partial class NftItemGrain
{
    private const string AuctionReminder = "auction";

    public Task<Replies> OpenAuctionAsync(AuctionOpened opened) => ReceiveCallAsync(opened);

    public Task<Replies> CancelAuctionAsync(AuctionCancelled cancelled) => ReceiveCallAsync(cancelled);

    public Task<Replies> ChangeReserveAsync(AuctionReserveChanged changed) => ReceiveCallAsync(changed);

    public Task<Replies> BidAsync(BidSubmitted bid) => ReceiveCallAsync(bid);

    public Task<AuctionState?> GetAuctionAsync() => Task.FromResult(State.Auction);

    /// <summary>Every accepted bid of the auction is one journal entry; the store keeps the newest of them.</summary>
    protected override int JournalLength => AuctionState.MaxRecentBids;

    /// <summary>
    /// The item's row holds no bids: the auction's kept bids are read back from the journal. A row stored before the
    /// journal kept them still holds them (<see cref="AuctionState.RowBids"/>): they are journaled with the next write.
    /// </summary>
    private async Task<AuctionState> WithKeptBidsAsync(AuctionState auction, CancellationToken ct)
    {
        if (auction.RowBids is { } rowBids)
        {
            foreach (var bid in rowBids)
            {
                State = State with { BidsJournaled = State.BidsJournaled + 1 };
                AppendJournal(State.BidsJournaled, AuctionBidJournal.Kind, AuctionBidJournal.Body(auction.AuctionId, bid));
            }
            return auction with { RecentBids = rowBids, RowBids = null };
        }
        var entries = await store.ReadJournalAsync(TypeName, Key, 0, ct);
        return auction with { RecentBids = AuctionBidJournal.BidsOf(entries, auction.AuctionId) };
    }

    /// <summary>Where the item goes when an order's hold on it ends: back to its auction while that runs, else free.</summary>
    private ItemStatus FreeStatus => State.Auction is { Phase: not AuctionPhase.Ended } ? ItemStatus.Auctioned : ItemStatus.Available;

    private void PlaceBid(BidSubmitted bid)
    {
        var decision = AuctionRules.Decide(Key, State.Auction, bid, Now);
        if (decision.Changed)
        {
            var startsClock = State.Auction!.EndsAt is null;
            State = State with { Auction = decision.Auction, BidsJournaled = State.BidsJournaled + 1 };
            // The bid goes to the journal, not into the row: the row stays small and the write one entry longer.
            AppendJournal(State.BidsJournaled, AuctionBidJournal.Kind, AuctionBidJournal.Body(decision.Auction!.AuctionId, decision.Auction.Highest!));
            Emit(TopicCatalog.AuctionEvents, Key, decision.Accepted!);
            // Set once, at the clock's start: an extended end is found when it fires and the reminder set again then,
            // so late bids cost no reminder write.
            if (startsClock)
                SetReminder(AuctionReminder, decision.Auction!.EndsAt!.Value, new AuctionDeadlineReached(Key, decision.Auction.AuctionId));
        }
        else if (IsAnsweringCall)
        {
            ChangedNothing();
        }
        if (IsAnsweringCall)
            Reply(bid.Bidder, (IEvent?)decision.Accepted ?? decision.Refused!);
    }

    private void OpenAuction(AuctionOpened opened)
    {
        if (State.Auction is { Phase: not AuctionPhase.Ended } running)
        {
            if (running.AuctionId == opened.AuctionId)
                Reply(Key, OpenedOf(running)); // a repeat
            else
                Reply(Key, new AuctionRefused(Key, "itemId", $"the item already has an auction ({running.AuctionId})"));
            return;
        }
        var refusal = (State.Listed, State.Status) switch
        {
            (false, _) => ("itemId", "the item is not listed"),
            (_, ItemStatus.Sold or ItemStatus.Minted) => ("itemId", "the item is sold"),
            (_, not ItemStatus.Available) when State.Reservation is { } held && held.Until > Now => ("itemId", $"the item is held for order {held.OrderId}"),
            _ when opened.Reserve <= 0 => ("reserve", "must be more than zero"),
            _ when opened.IncrementPercent is < 1 or > 100 => ("incrementPercent", "must be 1 to 100"),
            _ when opened.Duration <= TimeSpan.Zero => ("durationSeconds", "must be more than zero"),
            _ when opened.ExtensionWindow < TimeSpan.Zero => ("extensionSeconds", "must be zero or more"),
            _ when opened.PaymentWindow <= TimeSpan.Zero => ("paymentWindowSeconds", "must be more than zero"),
            _ => ((string, string)?)null,
        };
        if (refusal is { } r)
        {
            Reply(Key, new AuctionRefused(Key, r.Item1, r.Item2));
            return;
        }
        var auction = new AuctionState(opened.AuctionId, opened.Reserve, State.Currency, opened.IncrementPercent, opened.Duration,
            opened.ExtensionWindow, opened.PaymentWindow, AuctionPhase.Open, Now, null, null, 0, 0, [], null, null, opened.OpenedBy);
        State = State with { Auction = auction, Status = ItemStatus.Auctioned, Reservation = null, UpdatedAt = Now };
        Emit(TopicCatalog.AuctionEvents, Key, opened);
        Reply(Key, opened);
    }

    private void CancelAuction(AuctionCancelled cancelled)
    {
        if (Untouched(cancelled.AuctionId, "cancelled") is { } refused)
        {
            if (State.Auction is { Outcome: AuctionOutcome.Cancelled } done && done.AuctionId == cancelled.AuctionId)
                Reply(Key, cancelled); // a repeat
            else
                Reply(Key, refused);
            return;
        }
        End(AuctionOutcome.Cancelled, null, null);
        Reply(Key, cancelled);
    }

    private void ChangeReserve(AuctionReserveChanged changed)
    {
        if (Untouched(changed.AuctionId, "changed") is { } refused)
        {
            Reply(Key, refused);
            return;
        }
        if (changed.Reserve <= 0)
        {
            Reply(Key, new AuctionRefused(Key, "reserve", "must be more than zero"));
            return;
        }
        var auction = State.Auction! with { Reserve = changed.Reserve, Seq = State.Auction.Seq + 1 };
        State = State with { Auction = auction };
        Emit(TopicCatalog.AuctionEvents, Key, changed);
        Reply(Key, changed);
    }

    /// <summary>Null when the auction may still be cancelled or changed (it is this one, open, with no bid); else why not.</summary>
    private AuctionRefused? Untouched(string auctionId, string what) => State.Auction switch
    {
        null => new AuctionRefused(Key, "itemId", "the item has no auction"),
        { } a when a.AuctionId != auctionId => new AuctionRefused(Key, "auctionId", $"the item's auction is {a.AuctionId}"),
        { Phase: not AuctionPhase.Open } => new AuctionRefused(Key, "auctionId", "the auction is over"),
        { BidCount: > 0 } => new AuctionRefused(Key, "auctionId", $"the auction has bids: it can no longer be {what}"),
        _ => null,
    };

    /// <summary>The auction reminder: bidding ends (or its end moved: set again), or a payment window ends.</summary>
    private void ReachDeadline(AuctionDeadlineReached deadline)
    {
        if (State.Auction is not { } auction || auction.AuctionId != deadline.AuctionId)
            return;
        // The platform's time, not the reminder's due time: an end passed while no host ran gives the winner a whole
        // payment window from when it is settled.
        var at = Now;
        switch (auction.Phase)
        {
            case AuctionPhase.Open when auction.EndsAt is { } end && end > at:
                SetReminder(AuctionReminder, end, deadline); // late bids moved the end
                break;
            case AuctionPhase.Open when auction.Highest is { } winner:
                Close(auction, winner, at);
                break;
            case AuctionPhase.AwaitingPayment when auction.Offer is { } offer:
                LapseOrWait(auction, offer, at);
                break;
        }
    }

    private void Close(AuctionState auction, AuctionBid winner, DateTimeOffset at)
    {
        var seq = auction.Seq + 1;
        State = State with { Auction = auction with { Seq = seq } };
        Emit(TopicCatalog.AuctionEvents, Key, new AuctionClosed(Key, auction.AuctionId, seq, winner.Bidder, winner.Amount, auction.Currency, auction.BidCount, auction.EndsAt ?? at));
        foreach (var loser in auction.Bidders)
        {
            if (loser != winner.Bidder)
                Emit(TopicCatalog.PlayerEvents, loser, new AuctionLost(loser, Key, auction.AuctionId, winner.Amount, auction.Currency));
        }
        Offer(1, winner, at);
    }

    /// <summary>Offers the item to <paramref name="bid"/>'s bidder at their bid, with a quote valid for the payment window.</summary>
    private void Offer(int round, AuctionBid bid, DateTimeOffset at)
    {
        var auction = State.Auction!;
        var payBy = at + auction.PaymentWindow;
        var quote = quotes.Sign(new AuctionQuoteTerms($"auction:{Key}:{auction.AuctionId}:{round}", bid.Bidder, Key, State.Collection,
            auction.Currency, bid.Amount, payBy));
        var offer = new AuctionOffer(round, bid.Bidder, bid.Amount, payBy, quote?.Nonce.ToLowerInvariant(), quote);
        var seq = auction.Seq + 1;
        State = State with { Auction = auction with { Phase = AuctionPhase.AwaitingPayment, Offer = offer, Seq = seq } };
        var offered = new AuctionWinnerOffered(Key, auction.AuctionId, seq, round, bid.Bidder, bid.Amount, auction.Currency, payBy, quote);
        Emit(TopicCatalog.AuctionEvents, Key, offered);
        Emit(TopicCatalog.PlayerEvents, bid.Bidder, offered);
        SetReminder(AuctionReminder, payBy, new AuctionDeadlineReached(Key, auction.AuctionId));
    }

    /// <summary>
    /// A payment window ended: nothing to do if the offered order paid (its sale ends the auction) or still holds the
    /// item (looked at again when its hold ends); else the next highest bidder gets the item offered, and after them
    /// nobody: the auction ends unsold.
    /// </summary>
    private void LapseOrWait(AuctionState auction, AuctionOffer offer, DateTimeOffset at)
    {
        if (offer.PayBy > at)
        {
            SetReminder(AuctionReminder, offer.PayBy, new AuctionDeadlineReached(Key, auction.AuctionId));
            return;
        }
        if (State.Reservation is { } held && held.OrderId == offer.OrderId)
        {
            if (State.Status == ItemStatus.Settling)
                return; // paid for: the sale ends the auction
            if (held.Until > at)
            {
                SetReminder(AuctionReminder, held.Until, new AuctionDeadlineReached(Key, auction.AuctionId));
                return;
            }
            State = State with { Reservation = null, Status = ItemStatus.Auctioned };
            CancelReminder(ReservationReminder);
        }
        if (offer.Round == 1 && auction.RunnerUp is { } next && next.Bidder != offer.Buyer)
            Offer(2, next, at);
        else
            End(AuctionOutcome.Unsold, null, null);
    }

    /// <summary>The item was sold while held for its auction: by the offered order (sold) or otherwise (the auction ends all the same).</summary>
    private void EndAuctionBySale(ItemSold sold)
    {
        if (State.Auction is { Phase: not AuctionPhase.Ended } auction)
            End(AuctionOutcome.Sold, sold.Owner, auction.Offer?.OrderId == sold.OrderId ? auction.Offer.Price : null);
    }

    /// <summary>Ends the auction and releases its hold on the item: the one place that does, so it happens once.</summary>
    private void End(AuctionOutcome outcome, string? buyer, decimal? price)
    {
        var auction = State.Auction!;
        var seq = auction.Seq + 1;
        State = State with
        {
            Auction = auction with { Phase = AuctionPhase.Ended, Outcome = outcome, Seq = seq },
            Status = State.Status == ItemStatus.Auctioned ? ItemStatus.Available : State.Status,
            UpdatedAt = Now,
        };
        CancelReminder(AuctionReminder);
        var ended = new AuctionEnded(Key, auction.AuctionId, seq, outcome, buyer, price, auction.Currency);
        Emit(TopicCatalog.AuctionEvents, Key, ended);
        Emit(TopicCatalog.ItemEvents, Key, ended);
    }

    private AuctionOpened OpenedOf(AuctionState a) =>
        new(Key, a.AuctionId, a.Reserve, a.IncrementPercent, a.Duration, a.ExtensionWindow, a.PaymentWindow, a.OpenedBy);
}
