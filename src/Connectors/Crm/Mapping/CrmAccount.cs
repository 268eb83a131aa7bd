namespace Commerce.Connectors.Crm.Mapping;

/// <summary>What the connector knows of one CRM record: the player's wallet (lowercase; null: not a player), tier, lifetime value, as of when.</summary>
public sealed record CrmAccount(string Id, string? Wallet, string Tier, decimal LifetimeValue, DateTimeOffset AsOf);
