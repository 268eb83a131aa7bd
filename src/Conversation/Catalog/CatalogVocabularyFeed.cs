using Commerce.Events.Envelope;
using Commerce.Events.Items;
using Commerce.Events.Topics;
using Commerce.Messaging.Configuration;
using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Commerce.Conversation.Catalog;

/// <summary>
/// Reads every <see cref="ItemListed"/> of commerce.item-events into the <see cref="CatalogVocabulary"/>: each instance
/// reads all partitions from the beginning, assigned rather than in a group, and commits nothing (the catalog is
/// listed again on every start, so a topic whose old records expired still names every collection).
/// </summary>
public sealed partial class CatalogVocabularyFeed(KafkaConnection kafka, CatalogVocabulary vocabulary, ILogger<CatalogVocabularyFeed> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => Run(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Run(CancellationToken stoppingToken)
    {
        var config = kafka.ConsumerConfig(kafka.GroupId("chat-catalog"), "commerce-chat-catalog");
        config.EnableAutoCommit = false;
        config.FetchWaitMaxMs = 500;
        using var consumer = new ConsumerBuilder<string, byte[]>(config).Build();
        var topic = TopicCatalog.ItemEvents;
        consumer.Assign(Enumerable.Range(0, topic.Partitions)
            .Select(p => new TopicPartitionOffset(topic.Name, new Partition(p), Offset.Beginning)));
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var record = consumer.Consume(stoppingToken);
                if (record?.Message?.Value is not { } value || EnvelopeSerializer.PeekType(value) != nameof(ItemListed))
                    continue;
                try
                {
                    if (EnvelopeSerializer.Deserialize(value).Payload is ItemListed listed)
                        vocabulary.Add(listed.Collection);
                }
                catch (InvalidEventException e)
                {
                    LogUnreadable(record.TopicPartitionOffset.ToString(), e.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            consumer.Close();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chat catalog: skipped an unreadable listing at {Position}: {Reason}")]
    private partial void LogUnreadable(string position, string reason);
}
