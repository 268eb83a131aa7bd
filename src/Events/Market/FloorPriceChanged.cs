namespace Commerce.Events.Market;

/// <summary>A marketplace's floor (lowest listing) of a collection changed; whole units of <see cref="Currency"/>. Key: collection.</summary>
public sealed record FloorPriceChanged(string Collection, decimal Price, string Currency, string Marketplace) : IEvent;
