namespace Commerce.Connectors.MarketplaceMonitoring.Mapping;

/// <summary>The kinds of marketplace facts the platform takes in (others are ignored).</summary>
public enum MarketFact
{
    Sale,
    Offer,
}
