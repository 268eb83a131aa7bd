namespace Commerce.Pricing.Replay;

/// <summary>One offer request whose offer differs between the two policies.</summary>
public sealed record OfferDifference(int Index, string PlayerId, DateTimeOffset At, IReadOnlyList<ItemPriceChange> Items);
