namespace Commerce.Connectors.Webhooks.Dedupe;

/// <summary>What <see cref="IWebhookIdStore.TryClaimAsync"/> found.</summary>
public enum WebhookIdClaim
{
    /// <summary>Not seen (or forgotten): the caller processes it, then completes or releases it.</summary>
    Claimed,

    /// <summary>Already processed within the retention window: do nothing again.</summary>
    Duplicate,

    /// <summary>Another request is processing the same id right now: ask the sender to retry later.</summary>
    InProgress,
}
