namespace Commerce.Host.Marketing;

/// <summary>A campaign's definition as the API takes it (POST: a new campaign; PUT: an edit of <see cref="Version"/>).</summary>
public sealed record CampaignRequest(
    string? Id,
    int? Version,
    string? Name,
    string? Collection,
    string? Contract,
    string? ItemName,
    int? Quantity,
    int? SupplyCap,
    int? PerWalletLimit,
    long? GasBudget,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    string? Rule);
