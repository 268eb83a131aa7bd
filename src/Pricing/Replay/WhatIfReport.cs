namespace Commerce.Pricing.Replay;

/// <summary>
/// What changes when a recorded stream is priced under another policy: offers, items, prices, expected revenue.
/// <see cref="MeanPriceChangePpm"/> is the mean relative change of items offered under both, in ppm.
/// </summary>
public sealed record WhatIfReport(
    string BaselineVersion,
    string CandidateVersion,
    int Offers,
    int OffersChanged,
    int ItemsRepriced,
    int ItemsAdded,
    int ItemsRemoved,
    long MeanPriceChangePpm,
    IReadOnlyList<RevenueByCurrency> Revenue,
    IReadOnlyList<OfferDifference> Differences);
