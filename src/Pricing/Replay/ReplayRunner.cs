using Commerce.Pricing.Inputs;
using Commerce.Pricing.Offers;
using Commerce.Pricing.Policy;
using Commerce.Pricing.State;

namespace Commerce.Pricing.Replay;

/// <summary>
/// Replays a recorded stream through a fresh <see cref="PricingService"/>: events are applied in stream order and
/// each <see cref="OfferRequested"/> makes an offer at its own event time. The same stream and policy give the
/// same offers, byte for byte (<see cref="OfferText"/>), on any machine and at any wall-clock time.
/// </summary>
public static class ReplayRunner
{
    public static ReplayResult Run(IEnumerable<PricingInput> recorded, PricingPolicy policy, PricingStateOptions? options = null)
    {
        var service = new PricingService(policy, new StoppedClock(), options);
        var offers = new List<Offer>();
        foreach (var input in recorded)
        {
            service.Apply(input);
            if (input is OfferRequested request)
            {
                offers.Add(service.MakeOffer(request.PlayerId, request.At));
            }
        }

        return new ReplayResult(policy.Version, offers, service.State.EventsApplied, service.State.Demand.LateEventsDropped);
    }

    /// <summary>A replay must not read the wall clock; any attempt fails loudly.</summary>
    private sealed class StoppedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() =>
            throw new InvalidOperationException("A replay runs on event time only; nothing may read the wall clock.");
    }
}
