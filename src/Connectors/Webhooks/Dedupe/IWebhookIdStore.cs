namespace Commerce.Connectors.Webhooks.Dedupe;

/// <summary>
/// Remembers processed webhook ids per source so a message retried or replayed is applied once.
/// Bounded and time-expiring: an implementation forgets ids after its retention and never grows
/// past its capacity. A claim is completed once the message's effect is durable, or released when
/// processing failed, so the sender's next retry is processed instead of being called a duplicate.
/// </summary>
public interface IWebhookIdStore
{
    ValueTask<WebhookIdClaim> TryClaimAsync(string source, string webhookId, CancellationToken ct = default);

    ValueTask CompleteAsync(string source, string webhookId, CancellationToken ct = default);

    ValueTask ReleaseAsync(string source, string webhookId, CancellationToken ct = default);
}
