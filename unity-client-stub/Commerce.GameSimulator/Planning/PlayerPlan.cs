namespace Commerce.GameSimulator.Planning;

/// <summary>
/// One player's script: its role, the item it goes for (with its currency), how it pays, whether it stops paying
/// its plan on purpose (to show a default), and the race it is in.
/// </summary>
public sealed record PlayerPlan(PlayerRole Role, CatalogItem? Target, string? PaymentKind, bool StopsPaying, RaceStart? Race)
{
    public static readonly PlayerPlan Browse = new(PlayerRole.Browser, null, null, false, null);
}
