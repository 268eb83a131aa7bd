namespace Commerce.Actors.PlayerSession;

/// <summary>The last word on one of the player's orders. <see cref="Detail"/> tells apart updates of the same status (installment reminders).</summary>
public sealed record OrderSummary(string OrderId, string ItemId, string Status, DateTimeOffset UpdatedAt, string? Detail = null);
