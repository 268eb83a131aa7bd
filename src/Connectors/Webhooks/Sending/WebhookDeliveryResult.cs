namespace Commerce.Connectors.Webhooks.Sending;

/// <summary>
/// How a delivery ended: delivered (a 2xx), or not, with the last status (null when no response came)
/// and what went wrong. A 410 means the receiver wants no more webhooks: stop sending to it.
/// </summary>
public sealed record WebhookDeliveryResult(bool Delivered, int Attempts, int? StatusCode, string? Error)
{
    public bool EndpointGone => StatusCode == 410;
}
