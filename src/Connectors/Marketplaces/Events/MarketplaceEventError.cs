namespace Commerce.Connectors.Marketplaces.Events;

/// <summary>Why a webhook body was refused: the JSON path of the field at fault ("item.tokenId") and what is wrong.</summary>
public sealed record MarketplaceEventError(string Field, string Message);
