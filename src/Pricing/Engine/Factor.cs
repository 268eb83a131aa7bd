namespace Commerce.Pricing.Engine;

/// <summary>
/// Every term of a price, in the order the engine applies them. The contributions of all factors add up to the
/// quoted price exactly. Base..Scarcity make the raw list price; ListClamp and RateLimit are guardrails on it;
/// Campaign..Sentiment are personal adjustments; AdjustmentCap, Rounding and FinalClamp are guardrails on the quote.
/// </summary>
public enum Factor
{
    Base = 0,
    Market = 1,
    Demand = 2,
    Scarcity = 3,
    ListClamp = 4,
    RateLimit = 5,
    Campaign = 6,
    Loyalty = 7,
    Engagement = 8,
    Intent = 9,
    Sentiment = 10,
    AdjustmentCap = 11,
    Rounding = 12,
    FinalClamp = 13,
}
