namespace Commerce.Events.Player;

/// <summary>A player looked at an item long enough to count as interest. Key: player id.</summary>
public sealed record InterestShown(string PlayerId, string ItemId, double DwellSeconds, string Source) : IEvent;
