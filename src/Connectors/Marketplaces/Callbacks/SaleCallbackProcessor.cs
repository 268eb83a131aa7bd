using Commerce.Connectors.Webhooks.Sending;
using Commerce.Events.Envelope;
using Commerce.Events.Items;
using Commerce.Messaging.Consuming;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Commerce.Connectors.Marketplaces.Callbacks;

/// <summary>
/// One partition of commerce.item-events: each <see cref="ItemSold"/> is sent as a signed callback to every marketplace
/// with a callback URL before the batch returns, so the group's offsets move only past sales every marketplace has
/// (or answered 410, gone). A callback not delivered fails the batch, which the consumer retries with backoff: a sale
/// is never skipped. The callbacks a failed attempt did deliver are not sent again by the retry in this process.
/// </summary>
internal sealed partial class SaleCallbackProcessor(
    IReadOnlyList<Marketplace> marketplaces,
    IWebhookSender sender,
    SaleCallbackCounters counters,
    ILogger logger) : IPartitionProcessor
{
    private readonly HashSet<string> _delivered = new(StringComparer.Ordinal);

    public async Task ProcessAsync(IReadOnlyList<ConsumeResult<string, byte[]>> batch, CancellationToken ct)
    {
        foreach (var record in batch)
        {
            // Most item events are interest counts and reservations: only sales are read whole.
            if (EnvelopeSerializer.PeekType(record.Message.Value) is { } type && type != nameof(ItemSold))
                continue;
            EventEnvelope envelope;
            try
            {
                envelope = EnvelopeSerializer.Deserialize(record.Message.Value);
            }
            catch (InvalidEventException)
            {
                continue; // the item grain dead-letters it; this relay only reads
            }
            if (envelope.Payload is not ItemSold sold)
                continue;
            var body = SaleCallback.From(sold, envelope.OccurredAt).ToJsonBytes();
            foreach (var marketplace in marketplaces)
                await SendAsync(marketplace, SaleCallback.WebhookIdOf(envelope.Id, marketplace.Name), sold, body, ct);
        }
        _delivered.Clear();
    }

    private async Task SendAsync(Marketplace marketplace, string webhookId, ItemSold sold, byte[] body, CancellationToken ct)
    {
        if (_delivered.Contains(webhookId))
            return;
        var result = await sender.SendAsync(marketplace.Callback!, webhookId, body, ct);
        if (result.Delivered || result.EndpointGone)
        {
            if (result.EndpointGone)
                LogGone(marketplace.Name, webhookId, sold.ItemId);
            _delivered.Add(webhookId);
            counters.Delivered(marketplace.Name);
            return;
        }
        counters.Failed(marketplace.Name);
        throw new InvalidOperationException(
            $"the {SaleCallback.ItemSoldType} callback {webhookId} of {sold.ItemId} (order {sold.OrderId}) to {marketplace.Name} was not delivered after "
            + $"{result.Attempts} attempts: {result.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no response"} {result.Error}");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Marketplace {Marketplace} answered 410 (gone) to callback {WebhookId} of {ItemId}: not sent again")]
    private partial void LogGone(string marketplace, string webhookId, string itemId);
}
