using Commerce.Events.Chain;
using Commerce.Events.Envelope;
using Commerce.Events.Topics;
using Commerce.Marketing.Campaigns;
using Commerce.Messaging.Configuration;
using Commerce.Messaging.Consuming;
using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Commerce.Marketing.Targeting;

/// <summary>
/// The executor's words on campaign batches (commerce.chain-transactions, command ids "campaign:...") handed to their
/// campaign grains; a consumer group ("&lt;prefix&gt;.marketing.transactions") whose offsets are stored once the grains stored them.
/// </summary>
public sealed class CampaignTransactions(KafkaConnection connection, IGrainFactory grains, ILoggerFactory loggers)
    : BackgroundService, IPartitionProcessorFactory
{
    public Task<PartitionStart> OpenAsync(TopicPartition partition, CancellationToken ct) =>
        Task.FromResult(new PartitionStart(new Processor(grains), Offset.Unset));

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        new PartitionedConsumer(connection, connection.GroupId("marketing.transactions"), [TopicCatalog.ChainTransactions.Name], this,
            loggers.CreateLogger<CampaignTransactions>()).RunAsync(stoppingToken);

    private sealed class Processor(IGrainFactory grains) : IPartitionProcessor
    {
        public async Task ProcessAsync(IReadOnlyList<ConsumeResult<string, byte[]>> batch, CancellationToken ct)
        {
            foreach (var record in batch)
            {
                if (CampaignMints.CampaignOf(record.Message.Key) is not { } campaignId)
                    continue;
                EventEnvelope envelope;
                try
                {
                    envelope = EnvelopeSerializer.Deserialize(record.Message.Value);
                }
                catch (InvalidEventException)
                {
                    continue; // the delivery router dead-letters unreadable lifecycle records
                }
                if (envelope.Payload is ChainTransactionUpdated update)
                    await grains.GetGrain<ICampaignGrain>(campaignId).ApplyTransactionAsync(update); // in order per command
            }
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
