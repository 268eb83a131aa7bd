namespace Commerce.Pricing.Policy;

/// <summary>
/// Demand surge. Demand units = interests + bids * BidWeight, turned into a rate per hour in each window and
/// compared with the expected rate (BaselinePerHour); the weighted intensity above 1 raises the price.
/// </summary>
public sealed record DemandPolicy(
    long BaselineMilliPerHour,
    int BidWeightMilli,
    int ShortWeightPpm,
    int MediumWeightPpm,
    int LongWeightPpm,
    int SurgePpmPerUnit,
    int MaxSurgePpm);
