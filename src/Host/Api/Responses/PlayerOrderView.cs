using Commerce.Actors.PlayerSession;

namespace Commerce.Host.Api.Responses;

/// <summary>The last word on one of the player's orders (the list, the cancel's answer, the session).</summary>
public sealed record PlayerOrderView(string OrderId, string ItemId, string Status, DateTimeOffset UpdatedAt, string? Detail)
{
    public static PlayerOrderView Of(OrderSummary order) => new(order.OrderId, order.ItemId, order.Status, order.UpdatedAt, order.Detail);
}
