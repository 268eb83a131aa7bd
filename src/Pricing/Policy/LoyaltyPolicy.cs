using System.Collections.Immutable;

namespace Commerce.Pricing.Policy;

/// <summary>
/// Loyalty discounts by tier (indexed by <c>LoyaltyTier</c>) plus one step of discount per
/// <see cref="LifetimeValueStep"/> of lifetime value, capped; budgets (base units) tell the recommender what a tier affords.
/// </summary>
public sealed record LoyaltyPolicy(
    ImmutableArray<int> TierDiscountPpm,
    long LifetimeValueStep,
    int DiscountPerStepPpm,
    int MaxLifetimeValueDiscountPpm,
    ImmutableArray<Int128> TierBudget);
