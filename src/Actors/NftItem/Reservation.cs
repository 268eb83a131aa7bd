namespace Commerce.Actors.NftItem;

/// <summary>An item held for one order until <see cref="Until"/> (event time).</summary>
public sealed record Reservation(string OrderId, string PlayerId, DateTimeOffset Until);
