using Commerce.Messaging.Consuming;
using Commerce.Messaging.Producing;
using Commerce.Pricing.Signing;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Commerce.Pricing.Live;

/// <summary>
/// Opens an assigned input partition at its beginning (to rebuild the in-memory state), telling the processor where
/// the group's committed offset is: offers before it were already published by an earlier run.
/// </summary>
public sealed class PricingProcessorFactory(
    LivePricingEngine engine,
    Eip712QuoteSigner signer,
    EventProducer producer,
    IOfferRecipient recipient,
    TimeProvider clock,
    IConsumer<string, byte[]> offsets,
    ILogger logger) : IPartitionProcessorFactory
{
    public Task<PartitionStart> OpenAsync(TopicPartition partition, CancellationToken ct)
    {
        var committed = offsets.Committed([partition], TimeSpan.FromSeconds(30)).Single().Offset;
        var resumeAt = committed.Value >= 0 ? committed : new Offset(0);
        var processor = new PricingPartitionProcessor(engine, signer, producer, recipient, clock, resumeAt, logger);
        return Task.FromResult(new PartitionStart(processor, Offset.Beginning));
    }
}
