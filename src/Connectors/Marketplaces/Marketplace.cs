using Commerce.Connectors.Webhooks;
using Commerce.Connectors.Webhooks.Sending;

namespace Commerce.Connectors.Marketplaces;

/// <summary>A configured marketplace: how its webhooks are verified and, if configured, where its callbacks go.</summary>
public sealed record Marketplace(string Name, WebhookVerifier Verifier, WebhookDestination? Callback);
