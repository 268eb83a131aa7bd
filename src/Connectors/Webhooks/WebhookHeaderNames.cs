namespace Commerce.Connectors.Webhooks;

/// <summary>The three Standard Webhooks headers.</summary>
public static class WebhookHeaderNames
{
    /// <summary>The message id: the same on every retry of one message, the idempotency key.</summary>
    public const string Id = "webhook-id";

    /// <summary>When this attempt was made, in integer Unix seconds.</summary>
    public const string Timestamp = "webhook-timestamp";

    /// <summary>Space-separated "version,base64" signatures, one per secret in use.</summary>
    public const string Signature = "webhook-signature";
}
