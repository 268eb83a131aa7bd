namespace Commerce.Events.Market;

/// <summary>A bid on an item was seen on a marketplace; <see cref="Amount"/> in whole units of <see cref="Currency"/>. Key: collection.</summary>
public sealed record BidPlaced(string Collection, string ItemId, decimal Amount, string Currency, string Marketplace) : IEvent;
