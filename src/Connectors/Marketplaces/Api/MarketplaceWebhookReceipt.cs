namespace Commerce.Connectors.Marketplaces.Api;

/// <summary>
/// The 200 answer to a marketplace webhook: {"duplicate":true} when its webhook-id was already
/// processed (nothing published again), otherwise the id of the event published.
/// </summary>
public sealed record MarketplaceWebhookReceipt(bool Duplicate, Guid? EventId = null);
