namespace Commerce.Host.Operators;

/// <summary>The body of POST /api/admin/items/{itemId}/delist: why the item leaves the catalog (kept in its audit).</summary>
public sealed record DelistItemRequest(string? Reason);
