using Commerce.Pricing.Amounts;
using Commerce.Pricing.Engine.Factors;
using Commerce.Pricing.Policy;

namespace Commerce.Pricing.Engine;

/// <summary>
/// The pure pricing function. Same context and policy, same decision, on every machine: integer arithmetic only
/// (base units and ppm, rounded toward zero), no clock, no allocation.
/// </summary>
public static class PricingEngine
{
    public static PriceDecision Decide(in PricingContext context, PricingPolicy policy)
    {
        if (!policy.TryGetCollection(context.Collection ?? string.Empty, out var collection))
        {
            throw new ArgumentException(
                $"PricingContext.Collection '{context.Collection}' has no entry in policy {policy.Version}.", nameof(context));
        }

        return Decide(in context, collection);
    }

    public static PriceDecision Decide(in PricingContext c, CollectionPolicy p)
    {
        var d = new PriceDecision(p.Currency);

        // 1. The raw list price: base, pulled toward the market, then demand and scarcity on that reference.
        var basePrice = p.BasePrice;
        d.Set(Factor.Base, basePrice, 0);
        var market = MarketFactor.Contribution(basePrice, MarketFactor.Reference(c.MarketFloor, c.RecentSalesMean), p.Market);
        d.Set(Factor.Market, market, market == 0 ? 0 : p.Market.WeightPpm);
        var reference = basePrice + market;

        var surgePpm = DemandFactor.SurgePpm(c.Demand, p.Demand);
        var demand = Ppm.Apply(reference, surgePpm);
        d.Set(Factor.Demand, demand, surgePpm);

        var scarcityPpm = ScarcityFactor.PremiumPpm(c.Rarity, c.Remaining, c.Total, p.Scarcity);
        var scarcity = Ppm.Apply(reference, scarcityPpm);
        d.Set(Factor.Scarcity, scarcity, scarcityPpm);

        var rawList = reference + demand + scarcity;

        // 2. Guardrails on the list price: floor..ceiling, then the rate limit against recent list prices.
        var flags = GuardrailFlags.None;
        var list = Amount.Clamp(rawList, p.Floor, p.Ceiling);
        flags |= rawList < p.Floor ? GuardrailFlags.ListRaisedToFloor : rawList > p.Ceiling ? GuardrailFlags.ListLoweredToCeiling : 0;
        d.Set(Factor.ListClamp, list - rawList, 0);

        var bounded = list;
        var low = Amount.Sanitize(c.RecentListLow);
        var high = Amount.Sanitize(c.RecentListHigh);
        if (low > 0 && high > 0)
        {
            if (low > high)
            {
                (low, high) = (high, low);
            }

            // Any two list prices less than a window apart differ by at most maxChange of the earlier one.
            var bandLow = Amount.CeilDiv(high * (Ppm.One - p.MaxChange.MaxChangePpm), Ppm.One);
            var bandHigh = low * (Ppm.One + p.MaxChange.MaxChangePpm) / Ppm.One;
            var lowBound = Int128.Max(bandLow, p.Floor);
            var highBound = Int128.Min(bandHigh, p.Ceiling);
            if (lowBound <= highBound)
            {
                bounded = Amount.Clamp(list, lowBound, highBound);
            }
            else
            {
                flags |= GuardrailFlags.RateLimitYieldedToBounds;
                bounded = bandHigh < p.Floor ? p.Floor : bandLow > p.Ceiling ? p.Ceiling : list;
            }
        }

        flags |= bounded != list ? GuardrailFlags.RateLimited : 0;
        d.Set(Factor.RateLimit, bounded - list, bounded != list ? p.MaxChange.MaxChangePpm : 0);
        list = bounded;
        d.ListPrice = list;

        // 3. Personal adjustments on the list price, capped together.
        var campaignPpm = -CampaignFactor.DiscountPpm(c.CampaignDiscountPpm);
        var loyaltyPpm = -LoyaltyFactor.DiscountPpm(c.Tier, c.LifetimeValue, p.Loyalty);
        var engagementPpm = EngagementFactor.PremiumPpm(c.Dwell, c.LastInterestAge, p.Engagement);
        var intentPpm = IntentFactor.AdjustmentPpm(c.Intent, p.Intent);
        var sentimentPpm = IntentFactor.SentimentPpm(c.SentimentMilli, p.Intent);
        var adjustments = Adjust(ref d, Factor.Campaign, list, campaignPpm)
            + Adjust(ref d, Factor.Loyalty, list, loyaltyPpm)
            + Adjust(ref d, Factor.Engagement, list, engagementPpm)
            + Adjust(ref d, Factor.Intent, list, intentPpm)
            + Adjust(ref d, Factor.Sentiment, list, sentimentPpm);
        var capped = Amount.Clamp(adjustments, -Ppm.Apply(list, p.AdjustmentBounds.MaxDiscountPpm), Ppm.Apply(list, p.AdjustmentBounds.MaxPremiumPpm));
        flags |= capped != adjustments ? GuardrailFlags.AdjustmentsCapped : 0;
        d.Set(Factor.AdjustmentCap, capped - adjustments, 0);

        // 4. Round down to the price tick, then the hard floor..ceiling.
        var price = list + capped;
        var tick = p.PriceTick > 0 ? p.PriceTick : 1;
        var rounded = price - (((price % tick) + tick) % tick);
        d.Set(Factor.Rounding, rounded - price, 0);
        var final = Amount.Clamp(rounded, p.Floor, p.Ceiling);
        flags |= rounded < p.Floor ? GuardrailFlags.RaisedToFloor : rounded > p.Ceiling ? GuardrailFlags.LoweredToCeiling : 0;
        d.Set(Factor.FinalClamp, final - rounded, 0);

        d.Price = final;
        d.Guardrails = flags;
        return d;
    }

    private static Int128 Adjust(ref PriceDecision decision, Factor factor, Int128 list, int ratePpm)
    {
        var amount = Ppm.Apply(list, ratePpm);
        decision.Set(factor, amount, ratePpm);
        return amount;
    }
}
