using Orleans;

namespace Commerce.Events.Items;

/// <summary>An operator's delist or edit of an item was refused: <see cref="Reason"/> says why (held by an order or an auction, sold).</summary>
[GenerateSerializer, Immutable, Alias("commerce.events.ItemChangeRefused")]
public sealed record ItemChangeRefused(
    [property: Id(0)] string ItemId,
    [property: Id(1)] string Reason) : IEvent;
