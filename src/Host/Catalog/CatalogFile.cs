using System.Text.Json.Serialization;

namespace Commerce.Host.Catalog;

/// <summary>A seed catalog: collections, each with its items.</summary>
public sealed record CatalogFile(IReadOnlyList<CatalogCollection> Collections);

public sealed record CatalogCollection(string Name, string Currency, IReadOnlyList<CatalogItem> Items);

public sealed record CatalogItem(string TokenId, string Rarity, int Edition, int Supply, decimal ListPrice);

[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CatalogFile))]
internal sealed partial class CatalogJsonContext : JsonSerializerContext;
