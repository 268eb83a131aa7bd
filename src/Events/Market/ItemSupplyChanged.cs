namespace Commerce.Events.Market;

/// <summary>
/// <see cref="Remaining"/> of <see cref="Total"/> editions of an item are left (mints and burns). It travels on the
/// market topic, keyed by collection, next to the other facts the pricing engine reads per collection. Key: collection.
/// </summary>
public sealed record ItemSupplyChanged(string Collection, string ItemId, int Remaining, int Total) : IEvent;
