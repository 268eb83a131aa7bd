namespace Commerce.Actors.PlayerSession;

public sealed record OrderSummary(string OrderId, string ItemId, string Status, DateTimeOffset UpdatedAt);
