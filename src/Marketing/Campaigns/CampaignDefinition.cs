namespace Commerce.Marketing.Campaigns;

/// <summary>
/// What marketing sets for a campaign. Each targeted wallet receives <see cref="Quantity"/> new tokens of the GameItem
/// collection at <see cref="Contract"/> (pricing knows it as <see cref="Collection"/>), at most once per campaign; at
/// most <see cref="SupplyCap"/> tokens are minted in all; the mints spend at most <see cref="GasBudget"/> gas (the gas
/// limits of its batches); deliveries happen between <see cref="StartsAt"/> and <see cref="EndsAt"/> to the players
/// <see cref="Rule"/> (CEL over the player context) matches.
/// </summary>
[GenerateSerializer, Immutable, Alias("commerce.marketing.CampaignDefinition")]
public sealed record CampaignDefinition(
    [property: Id(0)] string Name,
    [property: Id(1)] string Collection,
    [property: Id(2)] string Contract,
    [property: Id(3)] string? ItemName,
    [property: Id(4)] int Quantity,
    [property: Id(5)] int SupplyCap,
    [property: Id(6)] int PerWalletLimit,
    [property: Id(7)] long GasBudget,
    [property: Id(8)] DateTimeOffset? StartsAt,
    [property: Id(9)] DateTimeOffset? EndsAt,
    [property: Id(10)] string Rule);
