using Commerce.Pricing.Offers;

namespace Commerce.Pricing.Replay;

/// <summary>The offers a recorded stream produced under one policy, one per <c>OfferRequested</c>, in stream order.</summary>
public sealed record ReplayResult(string PolicyVersion, IReadOnlyList<Offer> Offers, long EventsApplied, long LateEventsDropped);
