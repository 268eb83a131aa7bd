using Commerce.Host.Api.Responses;

namespace Commerce.Host.Api;

/// <summary>One page of the player's orders: <see cref="NextOffset"/> asks for the next page, null on the last.</summary>
public sealed record MyOrdersPage(IReadOnlyList<PlayerOrderView> Orders, int Total, int? NextOffset);
