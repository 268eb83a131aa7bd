namespace Commerce.Connectors.Webhooks;

/// <summary>The header values of one signed attempt.</summary>
public sealed record WebhookHeaders(string Id, long Timestamp, string Signature)
{
    public string TimestampText => Timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public void ApplyTo(HttpRequestMessage request)
    {
        request.Headers.Remove(WebhookHeaderNames.Id);
        request.Headers.Remove(WebhookHeaderNames.Timestamp);
        request.Headers.Remove(WebhookHeaderNames.Signature);
        request.Headers.TryAddWithoutValidation(WebhookHeaderNames.Id, Id);
        request.Headers.TryAddWithoutValidation(WebhookHeaderNames.Timestamp, TimestampText);
        request.Headers.TryAddWithoutValidation(WebhookHeaderNames.Signature, Signature);
    }
}
