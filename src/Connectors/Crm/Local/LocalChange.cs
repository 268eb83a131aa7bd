using System.Text.Json.Serialization;

namespace Commerce.Connectors.Crm.Local;

/// <summary>A scripted change of the seed (see <see cref="LocalCrmSeed"/>).</summary>
public sealed record LocalChange(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("accounts")] IReadOnlyList<int> Accounts,
    [property: JsonPropertyName("tier")] string? Tier = null,
    [property: JsonPropertyName("lifetimeValue")] decimal? LifetimeValue = null);
