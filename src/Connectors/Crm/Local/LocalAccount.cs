namespace Commerce.Connectors.Crm.Local;

/// <summary>One record of the local CRM.</summary>
public sealed record LocalAccount(string Id, string Name, string? Wallet, string? Tier, decimal? LifetimeValue, DateTimeOffset Modstamp, bool Deleted = false);
