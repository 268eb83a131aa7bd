namespace Commerce.Host.Api;

/// <summary>The caller's own hold on an item: its order and until when.</summary>
public sealed record ReservationView(string OrderId, DateTimeOffset Until);
