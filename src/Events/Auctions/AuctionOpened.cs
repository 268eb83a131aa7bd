using Orleans;

namespace Commerce.Events.Auctions;

/// <summary>
/// Marketing or an operator put an item up for auction: no sale below <see cref="Reserve"/>; the clock
/// (<see cref="Duration"/>) starts at the first bid at or above it; each bid beats the last by
/// <see cref="IncrementPercent"/>; a bid in the last <see cref="ExtensionWindow"/> extends the end so that much remains;
/// the winner has <see cref="PaymentWindow"/> to pay. Key: item id.
/// </summary>
[GenerateSerializer, Immutable, Alias("commerce.events.AuctionOpened")]
public sealed record AuctionOpened(
    [property: Id(0)] string ItemId,
    [property: Id(1)] string AuctionId,
    [property: Id(2)] decimal Reserve,
    [property: Id(3)] int IncrementPercent,
    [property: Id(4)] TimeSpan Duration,
    [property: Id(5)] TimeSpan ExtensionWindow,
    [property: Id(6)] TimeSpan PaymentWindow,
    [property: Id(7)] string OpenedBy) : IEvent;
