using System.Globalization;

namespace Commerce.Connectors.MarketplaceMonitoring.Sources;

/// <summary>The ledger streams of a watched collection: its events position (the cursor and the supply counted, <see cref="EventsPosition"/>) and its floor ("changes|price").</summary>
public static class MarketPositions
{
    public static string Events(string slug) => $"events/{slug}";

    public static string Floor(string slug) => $"floor/{slug}";

    public static (long Changes, decimal? Price) ReadFloor(string? value)
    {
        var bar = value?.IndexOf('|') ?? -1;
        return bar > 0 && long.TryParse(value![..bar], CultureInfo.InvariantCulture, out var changes)
            && decimal.TryParse(value[(bar + 1)..], NumberStyles.Number, CultureInfo.InvariantCulture, out var price)
            ? (changes, price) : (0, null);
    }

    public static string WriteFloor(long changes, decimal price) => $"{changes.ToString(CultureInfo.InvariantCulture)}|{price.ToString(CultureInfo.InvariantCulture)}";
}
