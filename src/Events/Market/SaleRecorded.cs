namespace Commerce.Events.Market;

/// <summary>An item of a collection sold on a marketplace; whole units of <see cref="Currency"/>. Key: collection.</summary>
public sealed record SaleRecorded(string Collection, string ItemId, decimal Price, string Currency, string Marketplace) : IEvent;
