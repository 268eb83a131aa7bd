namespace Commerce.GameSimulator.Planning;

/// <summary>
/// One player's script: its role, the item it goes for (a buyer's, chosen before the run), how it pays, whether it
/// stops paying its plan on purpose (to show a default), and the race it is in (the leader picks the raced item).
/// </summary>
public sealed record PlayerPlan(PlayerRole Role, CatalogItem? Target, string? PaymentKind, bool StopsPaying, RaceStart? Race, bool LeadsRace = false)
{
    public static readonly PlayerPlan Browse = new(PlayerRole.Browser, null, null, false, null);
}
