using Commerce.Pricing.Replay;
using Commerce.Pricing.Tests.Support;

namespace Commerce.Pricing.Tests.Replay;

public class WhatIfTests
{
    [Fact]
    public void The_same_policy_changes_nothing()
    {
        var report = WhatIf.Compare(Scenario.Stream(61), Policies.Default, Policies.Default);

        Assert.Equal(121, report.Offers);
        Assert.Equal(0, report.OffersChanged);
        Assert.Empty(report.Differences);
        Assert.Equal(0, report.MeanPriceChangePpm);
        Assert.All(report.Revenue, r => Assert.Equal(0m, r.Difference));
    }

    [Fact]
    public void A_dearer_policy_reports_higher_prices_and_its_effect_on_expected_revenue()
    {
        var dearer = Policies.Default.WithCollection(Policies.Dragons with { BasePrice = Wei.Eth("0.07") }) with { Version = "2026.11.1-dearer-dragons" };

        var report = WhatIf.Compare(Scenario.Stream(61), Policies.Default, dearer);

        Assert.Equal("2026.11.1-dearer-dragons", report.CandidateVersion);
        Assert.True(report.OffersChanged > 0, "dragon prices should have changed");
        Assert.True(report.MeanPriceChangePpm > 0, $"mean price change {report.MeanPriceChangePpm} ppm should be positive");
        Assert.All(report.Differences.SelectMany(d => d.Items).Where(i => i.Baseline is { } b && i.Candidate is { } c && b.Currency.Code == "ETH"), i => Assert.True(i.Candidate!.Value.BaseUnits >= i.Baseline!.Value.BaseUnits));
        Assert.Equal(["ETH", "USDC"], report.Revenue.Select(r => r.Currency));
        Assert.NotEqual(0m, report.Revenue.Single(r => r.Currency == "ETH").Difference);
        Assert.True(report.Revenue.All(r => r.Baseline > 0));
    }

    [Fact]
    public void A_stricter_floor_shows_up_as_repriced_items()
    {
        var stricter = Policies.Default.WithCollection(Policies.Dragons with { Floor = Wei.Eth("0.05") }) with { Version = "floor-0.05" };

        var report = WhatIf.Compare(Scenario.Stream(62), Policies.Default, stricter);

        Assert.True(report.ItemsRepriced > 0);
        Assert.All(
            report.Differences.SelectMany(d => d.Items).Where(i => i.Candidate is { } c && c.Currency.Code == "ETH"),
            i => Assert.True(i.Candidate!.Value.BaseUnits >= Wei.Eth("0.05")));
    }

    [Fact]
    public void Expected_revenue_is_reported_for_prices_at_the_top_of_the_range()
    {
        var huge = Policies.Default.WithCollection(Policies.Dragons with
        {
            BasePrice = Commerce.Pricing.Amounts.Ppm.MaxAmount,
            Ceiling = Commerce.Pricing.Amounts.Ppm.MaxAmount,
        });

        var report = WhatIf.Compare(Scenario.Stream(63, segments: 5), Policies.Default, huge, new ElasticConversionModel(elasticity: 0));

        Assert.True(report.Revenue.Single(r => r.Currency == "ETH").Candidate > 1_000_000m);
    }
}
