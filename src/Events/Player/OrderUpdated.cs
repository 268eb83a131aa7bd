namespace Commerce.Events.Player;

/// <summary>An order of this player changed state; the player's session keeps it and pushes it. Key: player id.</summary>
public sealed record OrderUpdated(string PlayerId, string OrderId, string ItemId, string Status, string? Detail) : IEvent;
