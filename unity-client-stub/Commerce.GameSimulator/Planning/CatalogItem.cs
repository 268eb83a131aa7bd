namespace Commerce.GameSimulator.Planning;

/// <summary>A listed item as the simulator found it before the run: its currency code and how many editions exist.</summary>
public sealed record CatalogItem(string ItemId, string Currency, long Supply, bool Available)
{
    public bool IsEth => string.Equals(Currency, "ETH", StringComparison.OrdinalIgnoreCase);

    /// <summary>One of a kind: the item two racing players go for.</summary>
    public bool IsUnique => Supply == 1;
}
