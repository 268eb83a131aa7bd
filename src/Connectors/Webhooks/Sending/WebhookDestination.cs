namespace Commerce.Connectors.Webhooks.Sending;

/// <summary>Where a webhook goes and the secrets it is signed with (all of them, during a rotation).</summary>
public sealed record WebhookDestination(Uri Url, IReadOnlyList<WebhookSecret> Secrets)
{
    public WebhookDestination(Uri url, WebhookSecret secret) : this(url, [secret])
    {
    }
}
