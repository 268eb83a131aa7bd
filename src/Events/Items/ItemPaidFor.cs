namespace Commerce.Events.Items;

/// <summary>
/// An order's installment plan started: the Checkout holds the item in escrow for <see cref="Buyer"/> until the plan
/// is paid in full (then <see cref="ItemSold"/>) or defaults (then <see cref="ReservationReleased"/>). The hold has no
/// expiry; the chain refuses any other purchase of the item meanwhile. Key: item id.
/// </summary>
public sealed record ItemEscrowed(string ItemId, string OrderId, string PlayerId, string Buyer) : IEvent;
