using BenchmarkDotNet.Attributes;
using Commerce.Pricing.Amounts;
using Commerce.Pricing.Engine;
using Commerce.Pricing.Inputs;
using Commerce.Pricing.Policy;
using Commerce.Pricing.State;

namespace Commerce.Benchmarks.Pricing;

/// <summary>
/// One pricing decision in memory (<see cref="PricingEngine.Decide"/>) for a context with every factor active:
/// market floor and sales, demand in all windows, scarcity, loyalty, engagement, chat intent and a campaign.
/// Run: ./run bench --filter '*Pricing*'. Decisions/s per core = 1 / mean time.
/// </summary>
[MemoryDiagnoser]
public class PricingDecideBenchmark
{
    private PricingContext _context;
    private CollectionPolicy _collection = null!;

    [GlobalSetup]
    public void Setup()
    {
        var policy = PolicyLoader.LoadDefault();
        _collection = policy.Collections["dragons"];
        var t = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
        var state = new PricingState();
        state.Apply(new ItemSupplyChanged("dragons:4", "dragons", 6, 10, Rarity.Epic, t));
        state.Apply(new LoyaltyUpdated("p1", LoyaltyTier.Gold, 4200, t));
        state.Apply(new FloorPriceChanged("dragons", Money.Parse("0.06", Currency.Eth), t));
        state.Apply(new CampaignStarted("flash", "dragons", 0.05m, t, t.AddHours(1), t));
        for (var i = 0; i < 40; i++)
        {
            state.Apply(new InterestShown($"p{i % 7}", "dragons:4", "dragons", TimeSpan.FromSeconds(12), t.AddSeconds(i * 20)));
            state.Apply(new BidPlaced("dragons:4", "dragons", Money.Parse("0.05", Currency.Eth), t.AddSeconds(i * 20 + 5)));
            state.Apply(new SaleRecorded("dragons", "dragons:7", Money.Parse("0.055", Currency.Eth), t.AddSeconds(i * 20 + 9)));
        }

        var at = t.AddSeconds(800);
        state.Apply(new ChatIntentDetected("p1", "dragons:4", ChatIntent.Negotiate, 0.3m, at));
        state.TryGetItem("dragons:4", out var item);
        _context = state.Context("p1", item!, at, policy, _collection);
    }

    [Benchmark]
    public Int128 Decide() => PricingEngine.Decide(_context, _collection).Price;
}
