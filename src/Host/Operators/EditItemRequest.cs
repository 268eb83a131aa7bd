namespace Commerce.Host.Operators;

/// <summary>The body of PATCH /api/admin/items/{itemId}: what the catalog owns and may change (null: unchanged).</summary>
public sealed record EditItemRequest(decimal? ListPrice, string? Rarity);
