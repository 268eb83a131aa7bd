using System.Text.Json;
using Commerce.Events.Auctions;
using Commerce.Events.Envelope;
using Commerce.Events.Serialization;
using Commerce.Events.Topics;
using Commerce.Host.Push;
using Commerce.Messaging.Configuration;

namespace Commerce.Host.Auctions;

/// <summary>
/// Hands the auctions' news (commerce.auction-events: accepted bids, the close, the offers to pay, the end) to the watch
/// sockets of the item open here, numbered by the auction's sequence.
/// </summary>
public sealed class AuctionFanout(KafkaConnection connection, AuctionWatchers watchers, ILogger<AuctionFanout> logger)
    : TopicFanout(connection, TopicCatalog.AuctionEvents, "auctions", logger)
{
    protected override void Deliver(EventEnvelope envelope)
    {
        var seq = envelope.Payload switch
        {
            BidAccepted e => e.Seq,
            AuctionClosed e => e.Seq,
            AuctionWinnerOffered e => e.Seq,
            AuctionEnded e => e.Seq,
            _ => 0L, // opened, reserve changed, cancelled: a watcher's snapshot says them
        };
        if (seq == 0)
            return;
        var json = JsonSerializer.Serialize(envelope.Payload, envelope.Payload.GetType(), EventJsonContext.Default);
        watchers.Sockets.Deliver(envelope.Key, new PushFrame(seq, envelope.Type, envelope.OccurredAt, json));
    }
}
