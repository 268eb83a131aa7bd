using Commerce.Pricing.Amounts;
using Commerce.Pricing.Inputs;
using Commerce.Pricing.Policy;
using Commerce.Pricing.Recommendations;
using Commerce.Pricing.Tests.Support;

namespace Commerce.Pricing.Tests.Recommendations;

public class RecommenderTests
{
    private static readonly RecommendationPolicy Policy = Policies.Default.Recommendation with { MaxItems = 10 };
    private static readonly RecommendationPolicy NoDiversity = Policy with { CollectionRepeatPenaltyPpm = 0, RarityRepeatPenaltyPpm = 0 };

    [Fact]
    public void The_item_of_interest_comes_first_then_similar_items_then_unrelated_ones()
    {
        var profile = Profile(500, new InterestSignal("d1", "dragons", ["element:fire", "slot:mount"]));
        var candidates = new[]
        {
            Candidate("s1", "skins", Rarity.Rare),
            Candidate("d2", "dragons", Rarity.Rare, "element:ice"),
            Candidate("d3", "dragons", Rarity.Rare, "element:fire", "slot:mount"),
            Candidate("d1", "dragons", Rarity.Rare, "element:fire", "slot:mount"),
            Candidate("s2", "skins", Rarity.Rare, "element:fire"),
        };

        var ranked = Recommender.Rank(profile, candidates, NoDiversity);

        Assert.Equal(["d1", "d3", "d2", "s2", "s1"], ranked.Select(r => r.Candidate.ItemId));
        Assert.Equal([1000, 1000, 500, 250, 0], ranked.Select(r => r.Score.Similarity));
    }

    [Theory]
    [InlineData(0, "common")]
    [InlineData(500, "rare")]
    [InlineData(1000, "legendary")]
    public void Rarity_is_matched_to_engagement(int engagement, string expectedFirst)
    {
        var candidates = Enum.GetValues<Rarity>().Select(r => Candidate(r.ToString().ToLowerInvariant(), "dragons", r)).ToList();

        var ranked = Recommender.Rank(Profile(engagement), candidates, NoDiversity);

        Assert.Equal(expectedFirst, ranked[0].Candidate.ItemId);
        Assert.Equal(1000, ranked[0].Score.RarityMatch);
    }

    [Fact]
    public void An_item_beyond_the_tiers_budget_ranks_below_an_affordable_one()
    {
        var cheap = PricedCandidate("cheap", "dragons", Rarity.Rare, price: "0.05", budget: "0.1");
        var dear = PricedCandidate("dear", "dragons", Rarity.Rare, price: "0.2", budget: "0.1");

        var ranked = Recommender.Rank(Profile(500), [dear, cheap], NoDiversity);

        Assert.Equal(["cheap", "dear"], ranked.Select(r => r.Candidate.ItemId));
        Assert.Equal([1000, 500], ranked.Select(r => r.Score.Affordability));
    }

    [Fact]
    public void Diversity_mixes_collections_and_rarities()
    {
        var profile = Profile(500, new InterestSignal("x", "dragons", []), new InterestSignal("y", "skins", []));
        var candidates = new[]
        {
            Candidate("d1", "dragons", Rarity.Rare),
            Candidate("d2", "dragons", Rarity.Rare),
            Candidate("d3", "dragons", Rarity.Rare),
            Candidate("s1", "skins", Rarity.Uncommon),
        };

        Assert.Equal(["d1", "d2", "d3", "s1"], Recommender.Rank(profile, candidates, NoDiversity).Select(r => r.Candidate.ItemId));

        var diverse = Recommender.Rank(profile, candidates, Policy);

        Assert.Equal(["d1", "s1", "d2", "d3"], diverse.Select(r => r.Candidate.ItemId));
        Assert.Equal(0, diverse[1].Score.DiversityPenalty);
        Assert.Equal(200, diverse[2].Score.DiversityPenalty);
    }

    [Fact]
    public void The_ranking_is_the_same_for_the_same_candidates_in_any_order()
    {
        var rng = new Random(5);
        var candidates = Enumerable.Range(0, 60)
            .Select(i => Candidate($"item-{i:00}", i % 3 == 0 ? "skins" : "dragons", (Rarity)(i % 5), $"element:{i % 4}", $"slot:{i % 3}"))
            .ToList();
        var profile = Profile(700, new InterestSignal("item-07", "dragons", ["element:3", "slot:1"]));
        var expected = Recommender.Rank(profile, candidates, Policy);

        for (var round = 0; round < 20; round++)
        {
            var shuffled = candidates.OrderBy(_ => rng.Next()).ToList();
            Assert.Equal(expected, Recommender.Rank(profile, shuffled, Policy));
        }

        Assert.Equal(10, expected.Count);
        Assert.Equal(Enumerable.Range(1, 10), expected.Select(r => r.Rank));
    }

    [Fact]
    public void A_candidate_listed_twice_is_rejected_by_id()
    {
        var ex = Assert.Throws<ArgumentException>(() => Recommender.Rank(Profile(0), [Candidate("d1", "dragons", Rarity.Common), Candidate("d1", "dragons", Rarity.Rare)], Policy));

        Assert.Contains("'d1'", ex.Message);
    }

    private static RecommendationProfile Profile(int engagement, params InterestSignal[] interests) => new("p1", engagement, interests);

    private static RecommendationCandidate Candidate(string id, string collection, Rarity rarity, params string[] traits) =>
        PricedCandidate(id, collection, rarity, "0.05", "0.1", traits);

    private static RecommendationCandidate PricedCandidate(string id, string collection, Rarity rarity, string price, string budget, params string[] traits) =>
        new(id, collection, rarity, traits, Money.Parse(price, Currency.Eth), Wei.Eth(budget));
}
