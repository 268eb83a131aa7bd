namespace Commerce.Pricing.Engine;

/// <summary>Which guardrails changed a price.</summary>
[Flags]
public enum GuardrailFlags
{
    None = 0,
    ListRaisedToFloor = 1,
    ListLoweredToCeiling = 2,
    RateLimited = 4,

    /// <summary>The rate band lay outside floor..ceiling (history from another policy): floor/ceiling won.</summary>
    RateLimitYieldedToBounds = 8,
    AdjustmentsCapped = 16,
    RaisedToFloor = 32,
    LoweredToCeiling = 64,
}
