using Commerce.Connectors.Webhooks;
using Commerce.Connectors.Webhooks.Sending;

namespace Commerce.Connectors.Marketplaces;

/// <summary>
/// A configured marketplace: how its webhooks are verified, the collections it may report items of and, if configured,
/// where its callbacks go.
/// </summary>
public sealed record Marketplace(string Name, WebhookVerifier Verifier, WebhookDestination? Callback)
{
    public IReadOnlySet<string> Collections { get; init; } = new HashSet<string>(StringComparer.Ordinal);
}
