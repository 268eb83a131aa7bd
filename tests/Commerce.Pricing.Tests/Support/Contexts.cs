using Commerce.Pricing.Engine;

namespace Commerce.Pricing.Tests.Support;

internal static class Contexts
{
    public static readonly DemandSnapshot NoDemand = Demand(0, 0, 0);

    /// <summary>A dragons context in which no factor but the base price applies.</summary>
    public static PricingContext Neutral(string itemId = "dragon-1") => new()
    {
        ItemId = itemId,
        Collection = "dragons",
        Demand = NoDemand,
    };

    public static DemandSnapshot Demand(int shortInterests, int mediumInterests, int longInterests, int shortBids = 0, int mediumBids = 0, int longBids = 0) =>
        new(
            new DemandCount(TimeSpan.FromMinutes(1), shortInterests, shortBids),
            new DemandCount(TimeSpan.FromMinutes(15), mediumInterests, mediumBids),
            new DemandCount(TimeSpan.FromHours(1), longInterests, longBids));
}
