using Commerce.Pricing.Amounts;
using Commerce.Pricing.Engine;
using Commerce.Pricing.Policy;
using Commerce.Pricing.Tests.Support;

namespace Commerce.Pricing.Tests.Engine;

/// <summary>Seeded random policies and inputs (nonsense included): no input breaks a guardrail.</summary>
public class GuardrailPropertyTests
{
    private const int Policies = 200;
    private const int ContextsPerPolicy = 50;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_inputs_never_break_a_guardrail(int seed)
    {
        var random = new RandomInputs(seed);
        var cases = 0;
        for (var p = 0; p < Policies; p++)
        {
            var policy = random.Collection();
            Assert.Empty(PolicyValidator.Validate(PricingPolicyFor(policy)));
            for (var i = 0; i < ContextsPerPolicy; i++)
            {
                var context = random.Context(policy);
                var decision = PricingEngine.Decide(context, policy);
                var where = $"seed {seed}, policy {p}, case {i}: {context}";

                Assert.True(decision.Price >= policy.Floor, $"below floor: {decision.Price} < {policy.Floor}; {where}");
                Assert.True(decision.Price <= policy.Ceiling, $"above ceiling: {decision.Price} > {policy.Ceiling}; {where}");
                Assert.True(decision.Price % policy.PriceTick == 0, $"not on a tick: {decision.Price}; {where}");
                Assert.True(decision.ListPrice >= policy.Floor && decision.ListPrice <= policy.Ceiling, $"list {decision.ListPrice} outside floor..ceiling; {where}");
                Assert.Equal(decision.Price, Sum(decision, Factor.Base, Factor.FinalClamp));

                var adjustments = Sum(decision, Factor.Campaign, Factor.AdjustmentCap);
                Assert.True(adjustments >= -Ppm.Apply(decision.ListPrice, policy.AdjustmentBounds.MaxDiscountPpm), $"discount beyond bound; {where}");
                Assert.True(adjustments <= Ppm.Apply(decision.ListPrice, policy.AdjustmentBounds.MaxPremiumPpm), $"premium beyond bound; {where}");

                if (RateBand(context, policy) is var (low, high) && low <= high)
                {
                    Assert.True(decision.ListPrice >= low && decision.ListPrice <= high, $"list {decision.ListPrice} outside rate band {low}..{high}; {where}");
                }

                cases++;
            }
        }

        Assert.Equal(Policies * ContextsPerPolicy, cases);
    }

    private static (Int128 Low, Int128 High)? RateBand(PricingContext c, CollectionPolicy p)
    {
        if (c.RecentListLow <= 0 || c.RecentListHigh <= 0 || c.RecentListLow > Ppm.MaxAmount || c.RecentListHigh > Ppm.MaxAmount)
        {
            return null;
        }

        var low = Int128.Min(c.RecentListLow, c.RecentListHigh);
        var high = Int128.Max(c.RecentListLow, c.RecentListHigh);
        var bandLow = Int128.Max(p.Floor, (high * (Ppm.One - p.MaxChange.MaxChangePpm) + Ppm.One - 1) / Ppm.One);
        var bandHigh = Int128.Min(p.Ceiling, low * (Ppm.One + p.MaxChange.MaxChangePpm) / Ppm.One);
        return (bandLow, bandHigh);
    }

    private static Int128 Sum(PriceDecision decision, Factor from, Factor to)
    {
        Int128 sum = 0;
        for (var f = from; f <= to; f++)
        {
            sum += decision.Contribution(f);
        }

        return sum;
    }

    private static PricingPolicy PricingPolicyFor(CollectionPolicy collection) =>
        Support.Policies.Default with { Collections = System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary([KeyValuePair.Create(collection.Name, collection)]) };
}
