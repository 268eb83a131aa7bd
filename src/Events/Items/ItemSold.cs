using Orleans;

namespace Commerce.Events.Items;

/// <summary>An order bought the item: it now belongs to <see cref="Owner"/> (a wallet). Key: item id.</summary>
[GenerateSerializer, Immutable, Alias("commerce.events.ItemSold")]
public sealed record ItemSold(
    [property: Id(0)] string ItemId,
    [property: Id(1)] string OrderId,
    [property: Id(2)] string Owner,
    [property: Id(3)] bool Minted) : IEvent;
