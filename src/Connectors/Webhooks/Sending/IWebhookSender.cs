namespace Commerce.Connectors.Webhooks.Sending;

/// <summary>
/// Delivers signed webhooks (Standard Webhooks) to a destination, retrying transient failures with the
/// same webhook-id and a fresh timestamp and signature on each attempt. It retries for minutes, not
/// days: a caller that must deliver eventually keeps the message (an outbox) and sends it again later
/// with the same id.
/// </summary>
public interface IWebhookSender
{
    /// <param name="webhookId">The message id (see <see cref="WebhookId.New"/>): the receiver's idempotency key, the same on every retry.</param>
    /// <param name="body">The exact bytes signed and sent, as application/json.</param>
    Task<WebhookDeliveryResult> SendAsync(WebhookDestination destination, string webhookId, ReadOnlyMemory<byte> body, CancellationToken ct = default);
}
