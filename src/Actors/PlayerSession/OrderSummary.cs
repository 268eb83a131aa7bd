using Orleans;

namespace Commerce.Actors.PlayerSession;

/// <summary>The last word on one of the player's orders. <see cref="Detail"/> tells apart updates of the same status (installment reminders).</summary>
[GenerateSerializer, Immutable, Alias("commerce.state.OrderSummary")]
public sealed record OrderSummary(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string ItemId,
    [property: Id(2)] string Status,
    [property: Id(3)] DateTimeOffset UpdatedAt,
    [property: Id(4)] string? Detail = null);
