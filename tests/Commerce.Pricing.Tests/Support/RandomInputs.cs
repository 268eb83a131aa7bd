using System.Collections.Immutable;
using Commerce.Pricing.Amounts;
using Commerce.Pricing.Engine;
using Commerce.Pricing.Inputs;
using Commerce.Pricing.Policy;

namespace Commerce.Pricing.Tests.Support;

/// <summary>Seeded generators: valid random policies, and contexts that include nonsense on purpose.</summary>
internal sealed class RandomInputs(int seed)
{
    private readonly Random _rng = new(seed);

    public CollectionPolicy Collection(string name = "c")
    {
        Int128 tick = Int128Pow10(_rng.Next(0, 15));
        var floor = tick * _rng.Next(1, 1000);
        var ceiling = floor + (tick * _rng.Next(0, 100_000));
        var basePrice = floor + (ceiling == floor ? 0 : Below(ceiling - floor + 1));
        var demandShort = _rng.Next(0, 1_000_001);
        var demandMedium = _rng.Next(0, 1_000_001 - demandShort);
        return new CollectionPolicy
        {
            Name = name,
            Currency = Currency.Eth,
            BasePrice = basePrice,
            Floor = floor,
            Ceiling = ceiling,
            PriceTick = tick,
            MaxChange = new RateLimitPolicy(_rng.Next(1, Ppm.One), TimeSpan.FromSeconds(_rng.Next(1, 7200))),
            Market = new MarketPolicy(_rng.Next(0, Ppm.One + 1), _rng.Next(1, 20)),
            Demand = new DemandPolicy(_rng.NextInt64(1, 1_000_000), _rng.Next(0, 100_001), demandShort, demandMedium, Ppm.One - demandShort - demandMedium, _rng.Next(0, 10 * Ppm.One), _rng.Next(0, 10 * Ppm.One)),
            Scarcity = new ScarcityPolicy(Table(5, 0, 10 * Ppm.One), _rng.Next(0, 10 * Ppm.One)),
            Loyalty = new LoyaltyPolicy(Table(5, 0, Ppm.One), _rng.NextInt64(1, 100_000), _rng.Next(0, Ppm.One), _rng.Next(0, Ppm.One), [.. Enumerable.Range(0, 5).Select(_ => floor * _rng.Next(1, 100))]),
            Engagement = new EngagementPolicy(_rng.Next(0, Ppm.One + 1), TimeSpan.FromSeconds(_rng.Next(1, 600)), TimeSpan.FromSeconds(_rng.Next(1, 7200))),
            Intent = new IntentPolicy(Table(6, -Ppm.One, Ppm.One), _rng.Next(0, Ppm.One + 1)),
            AdjustmentBounds = new AdjustmentBounds(_rng.Next(0, Ppm.One + 1), _rng.Next(0, 10 * Ppm.One)),
        };
    }

    public PricingContext Context(CollectionPolicy policy) => new()
    {
        ItemId = "item",
        Collection = policy.Name,
        Rarity = (Rarity)_rng.Next(-2, 8),
        Remaining = AnyInt(),
        Total = AnyInt(),
        MarketFloor = AnyAmount(policy),
        RecentSalesMean = AnyAmount(policy),
        Demand = new DemandSnapshot(Count(), Count(), Count()),
        Tier = (LoyaltyTier)_rng.Next(-2, 8),
        LifetimeValue = _rng.Next(4) switch { 0 => 0, 1 => _rng.NextInt64(), 2 => -_rng.NextInt64(), _ => _rng.Next(0, 100_000) },
        Dwell = TimeSpan.FromTicks(_rng.NextInt64(-TimeSpan.TicksPerHour, TimeSpan.TicksPerDay)),
        LastInterestAge = _rng.Next(3) == 0 ? null : TimeSpan.FromTicks(_rng.NextInt64(-TimeSpan.TicksPerHour, TimeSpan.TicksPerDay)),
        Intent = (ChatIntent)_rng.Next(-2, 9),
        SentimentMilli = _rng.Next(3) == 0 ? AnyInt() : _rng.Next(-1000, 1001),
        CampaignDiscountPpm = _rng.Next(3) == 0 ? AnyInt() : _rng.Next(0, Ppm.One),
        RecentListLow = _rng.Next(2) == 0 ? 0 : AnyAmount(policy),
        RecentListHigh = _rng.Next(2) == 0 ? 0 : AnyAmount(policy),
    };

    /// <summary>A context that varies only what moves the list price (market, demand, scarcity), for rate-limit runs.</summary>
    public PricingContext MarketMove(CollectionPolicy policy) => new()
    {
        ItemId = "item",
        Collection = policy.Name,
        Rarity = (Rarity)_rng.Next(0, 5),
        Remaining = _rng.Next(0, 100),
        Total = 100,
        MarketFloor = AnyAmount(policy),
        Demand = new DemandSnapshot(Count(), Count(), Count()),
        Tier = (LoyaltyTier)_rng.Next(0, 5),
        CampaignDiscountPpm = _rng.Next(0, Ppm.One),
    };

    public int Next(int min, int max) => _rng.Next(min, max);

    private DemandCount Count() =>
        new(_rng.Next(6) == 0 ? TimeSpan.FromTicks(_rng.NextInt64(-100, 100)) : TimeSpan.FromSeconds(_rng.Next(1, 7200)), AnyInt(), AnyInt());

    private int AnyInt() => _rng.Next(5) switch
    {
        0 => 0,
        1 => int.MaxValue,
        2 => -_rng.Next(),
        _ => _rng.Next(0, 1000),
    };

    private Int128 AnyAmount(CollectionPolicy policy) => _rng.Next(7) switch
    {
        0 => 0,
        1 => Int128.MaxValue,
        2 => Int128.MinValue + 1,
        3 => -policy.BasePrice,
        4 => policy.Floor + Below(policy.Ceiling - policy.Floor + 1),
        5 => Below(policy.Ceiling * 10 + 1),
        _ => policy.BasePrice,
    };

    private Int128 Below(Int128 bound) => new UInt128((ulong)_rng.NextInt64(), (ulong)_rng.NextInt64()) % (UInt128)bound is var r ? (Int128)r : 0;

    private ImmutableArray<int> Table(int length, int min, int max) => [.. Enumerable.Range(0, length).Select(_ => _rng.Next(min, max + 1))];

    private static Int128 Int128Pow10(int exponent)
    {
        Int128 value = 1;
        for (var i = 0; i < exponent; i++)
        {
            value *= 10;
        }

        return value;
    }
}
