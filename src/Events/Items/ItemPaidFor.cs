using Orleans;

namespace Commerce.Events.Items;

/// <summary>
/// An order paid for the item and its settlement is under way: an installment plan started (the Checkout holds the
/// item in escrow for <see cref="Buyer"/>), or the price is held on a custodial balance and the mint is on its way.
/// The item stays with that order, with no expiry, until it is sold (<see cref="ItemSold"/>) or given back
/// (<see cref="ReservationReleased"/>: the plan defaulted, the mint failed). Key: item id.
/// </summary>
[GenerateSerializer, Immutable, Alias("commerce.events.ItemPaidFor")]
public sealed record ItemPaidFor(
    [property: Id(0)] string ItemId,
    [property: Id(1)] string OrderId,
    [property: Id(2)] string PlayerId,
    [property: Id(3)] string Buyer) : IEvent;
