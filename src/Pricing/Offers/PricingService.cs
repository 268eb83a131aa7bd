using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Commerce.Pricing.Engine;
using Commerce.Pricing.Engine.Factors;
using Commerce.Pricing.Inputs;
using Commerce.Pricing.Policy;
using Commerce.Pricing.Recommendations;
using Commerce.Pricing.State;

namespace Commerce.Pricing.Offers;

/// <summary>
/// The in-memory pricing engine for one owner (a grain or a partition): applies events, then makes offers that
/// rank items for a player and price each with <see cref="PricingEngine"/>. Deterministic: offer and quote ids
/// derive from the player, the instant, the policy version and a sequence number, never from a random source.
/// Not thread-safe: one event or request at a time.
/// </summary>
public sealed class PricingService
{
    private readonly TimeProvider _time;
    private long _sequence;

    public PricingService(PricingPolicy policy, TimeProvider? time = null, PricingStateOptions? options = null)
    {
        Policy = PolicyValidator.EnsureValid(policy);
        _time = time ?? TimeProvider.System;
        State = new PricingState(options);
    }

    public PricingPolicy Policy { get; private set; }

    public PricingState State { get; }

    /// <summary>Switches to another (validated) policy version; state and price history are kept.</summary>
    public void UsePolicy(PricingPolicy policy) => Policy = PolicyValidator.EnsureValid(policy);

    public void Apply(PricingInput input) => State.Apply(input);

    /// <summary>An offer for the player now (by the injected clock).</summary>
    public Offer MakeOffer(string playerId) => MakeOffer(playerId, _time.GetUtcNow());

    /// <summary>
    /// An offer for the player at an instant. Candidates: the items of the collections the player showed interest in
    /// (every item when none), not sold out nor held by one of our orders, with a policy. The quoted list prices are recorded for the rate limit.
    /// </summary>
    public Offer MakeOffer(string playerId, DateTimeOffset at, int? maxItems = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(playerId);
        State.Demand.AdvanceWatermark(at);
        var policy = Policy;
        var interests = State.InterestsOf(playerId, at);
        var collectionsOfInterest = interests.Select(i => i.Collection).ToHashSet(StringComparer.Ordinal);
        var tier = State.TierOf(playerId);

        var candidates = new List<RecommendationCandidate>();
        var priced = new Dictionary<string, (PriceDecision Decision, PricingContext Context)>(StringComparer.Ordinal);
        var engagement = 0;
        foreach (var item in State.Items)
        {
            if (item.Remaining <= 0
                || !State.IsOnSale(item.ItemId)
                || (collectionsOfInterest.Count > 0 && !collectionsOfInterest.Contains(item.Collection))
                || !policy.TryGetCollection(item.Collection, out var collection))
            {
                continue;
            }

            var context = State.Context(playerId, item, at, policy, collection);
            var decision = PricingEngine.Decide(context, collection);
            engagement = Math.Max(engagement, EngagementFactor.ScoreMilli(context.Dwell, context.LastInterestAge, collection.Engagement));
            priced[item.ItemId] = (decision, context);
            var budgets = collection.Loyalty.TierBudget;
            var budget = budgets[Math.Clamp((int)tier, 0, budgets.Length - 1)];
            candidates.Add(new RecommendationCandidate(item.ItemId, item.Collection, item.Rarity, item.Traits, decision.PriceMoney, budget));
        }

        var signals = interests
            .Select(i => i.ItemId)
            .Distinct(StringComparer.Ordinal)
            .Select(id => State.TryGetItem(id, out var known)
                ? new InterestSignal(id, known.Collection, known.Traits)
                : new InterestSignal(id, interests.Last(i => i.ItemId == id).Collection, []))
            .ToList();
        var ranked = Recommender.Rank(new RecommendationProfile(playerId, engagement, signals), candidates, policy.Recommendation, maxItems);

        var sequence = _sequence++;
        var offerId = "of-" + Digest(playerId, at.UtcTicks.ToString(CultureInfo.InvariantCulture), policy.Version, sequence.ToString(CultureInfo.InvariantCulture));
        var offerExpiry = WholeSeconds(at + policy.QuoteTtl);
        var items = new List<OfferItem>(ranked.Count);
        foreach (var entry in ranked)
        {
            var (decision, context) = priced[entry.Candidate.ItemId];
            State.ListPrices.Record(entry.Candidate.ItemId, at, decision.ListPrice);
            var expiry = context.CampaignEndsAt is { } ends && decision.Contribution(Factor.Campaign) != 0 && ends < offerExpiry
                ? WholeSeconds(ends)
                : offerExpiry;
            var quote = new Quote(
                $"{offerId}-{entry.Rank}",
                playerId,
                entry.Candidate.ItemId,
                entry.Candidate.Collection,
                decision.Currency.Code,
                (UInt128)decision.Price,
                expiry,
                policy.Version);
            items.Add(new OfferItem(
                entry.Rank,
                entry.Candidate.ItemId,
                entry.Candidate.Collection,
                entry.Candidate.Rarity,
                decision.PriceMoney,
                decision.ListPriceMoney,
                expiry,
                decision.Explain(),
                decision.Guardrails,
                entry.Score,
                quote));
        }

        return new Offer(offerId, playerId, policy.Version, at, offerExpiry, items);
    }

    /// <summary>The price of one item for one player at an instant, without recording it (a what-is-the-price query).</summary>
    public PriceDecision Quote(string playerId, string itemId, DateTimeOffset at)
    {
        if (!State.TryGetItem(itemId, out var item))
        {
            throw new ArgumentException($"Item '{itemId}' is unknown (no ItemSupplyChanged seen).", nameof(itemId));
        }

        if (!Policy.TryGetCollection(item.Collection, out var collection))
        {
            throw new ArgumentException($"Item '{itemId}' belongs to collection '{item.Collection}', which policy {Policy.Version} does not price.", nameof(itemId));
        }

        return PricingEngine.Decide(State.Context(playerId, item, at, Policy, collection), collection);
    }

    private static DateTimeOffset WholeSeconds(DateTimeOffset at) =>
        new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private static string Digest(params string[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts))))[..24];
}
