using Commerce.Events;
using Commerce.Events.Topics;

namespace Commerce.Connectors.Marketplaces.Events;

/// <summary>A marketplace webhook turned into a platform event: where it goes, its key, and when it happened if the marketplace said.</summary>
public sealed record MarketplaceEvent(TopicDefinition Topic, string Key, IEvent Payload, DateTimeOffset? OccurredAt);
