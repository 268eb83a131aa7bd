using Commerce.Events.Envelope;
using Commerce.Events.Offers;
using Commerce.Events.Topics;
using Commerce.Messaging.Consuming;
using Commerce.Messaging.Producing;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Commerce.Pricing.Live;

/// <summary>
/// One input partition of the pricing group. Every record is applied to the shared engine, from the start of the
/// partition (the engine's state lives in memory, so it is rebuilt from the log). Offers triggered by records below
/// <paramref name="resumeAt"/> (the group's committed offset: already handled by a previous run) are decided again,
/// so the rate limit and ids come out the same, but not published; nor is an offer whose quotes would already have
/// expired by the wall clock, nor one whose quotes would expire beyond the policy's quoteTtl from now
/// (<see cref="QuoteLifetime"/>: an event stamped in the future). The rest are signed, handed to the player's session
/// (<see cref="IOfferRecipient"/>: an Orleans call that returns once the session stored it, to push it) and published
/// to the offers topic for other systems; the batch returns once both are done, so its offsets are committed after.
/// </summary>
public sealed partial class PricingPartitionProcessor(
    LivePricingEngine engine,
    Signing.Eip712QuoteSigner signer,
    EventProducer producer,
    IOfferRecipient recipient,
    TimeProvider clock,
    Offset resumeAt,
    ILogger logger) : IPartitionProcessor
{
    public async Task ProcessAsync(IReadOnlyList<ConsumeResult<string, byte[]>> batch, CancellationToken ct)
    {
        List<Task>? publishing = null;
        foreach (var record in batch)
        {
            // Most records of the input topics are not pricing inputs (every offer and item interest passes here too);
            // the host's consumer leaves their values out (null, see PricingInputDeserializer).
            if (record.Message.Value is null
                || (EnvelopeSerializer.PeekType(record.Message.Value) is { } type && !EventInputMapper.Reads(type)))
                continue;
            EventEnvelope envelope;
            try
            {
                envelope = EnvelopeSerializer.Deserialize(record.Message.Value);
            }
            catch (InvalidEventException ex)
            {
                // The topic's grain dead-letters it; pricing only reads.
                LogUnreadable(record.Topic, record.Partition.Value, record.Offset.Value, ex.Message);
                continue;
            }

            var offer = engine.Apply(envelope);
            var now = clock.GetUtcNow();
            if (offer is null || record.Offset < resumeAt || now >= offer.ExpiresAt)
                continue;
            if (!QuoteLifetime.MaySign(offer.ExpiresAt, now, engine.Policy.QuoteTtl))
            {
                // Priced at an event time ahead of this clock: its quotes would outlive the policy's quoteTtl.
                LogTooLong(offer.OfferId, offer.PlayerId, offer.ExpiresAt);
                continue;
            }
            var made = OfferEvents.Sign(offer, signer);
            if (made is null)
                continue;
            publishing ??= [];
            publishing.Add(PublishAsync(made, envelope.Id, ct));
        }

        if (publishing is not null)
            await Task.WhenAll(publishing);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task PublishAsync(OfferMade offer, Guid cause, CancellationToken ct)
    {
        var published = producer.PublishAsync(TopicCatalog.Offers, EventEnvelope.Create(offer.PlayerId, offer, clock.GetUtcNow(), cause.ToString()), ct);
        await recipient.DeliverAsync(offer, ct);
        await published;
        LogOffer(offer.OfferId, offer.PlayerId, offer.Items.Count);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pricing skipped an unreadable record {Topic} [{Partition}] @{Offset}: {Reason}")]
    private partial void LogUnreadable(string topic, int partition, long offset, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Offer {OfferId} to {PlayerId} not signed: it would expire at {ExpiresAt}, beyond the policy's quote lifetime (an input event from the future)")]
    private partial void LogTooLong(string offerId, string playerId, DateTimeOffset expiresAt);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Offer {OfferId} to {PlayerId} with {Items} items")]
    private partial void LogOffer(string offerId, string playerId, int items);
}
