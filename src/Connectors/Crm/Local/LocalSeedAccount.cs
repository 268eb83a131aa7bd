using System.Text.Json.Serialization;

namespace Commerce.Connectors.Crm.Local;

/// <summary>An account of the seed: a name, the player's wallet (or none), a tier, a lifetime value.</summary>
public sealed record LocalSeedAccount(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("wallet")] string? Wallet,
    [property: JsonPropertyName("tier")] string? Tier,
    [property: JsonPropertyName("lifetimeValue")] decimal? LifetimeValue);
