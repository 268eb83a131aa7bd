using Commerce.Events.Envelope;
using Commerce.Pricing.Inputs;
using Commerce.Pricing.Offers;
using Commerce.Pricing.Policy;

namespace Commerce.Pricing.Live;

/// <summary>
/// The one <see cref="PricingService"/> of this instance, fed by every input partition. Records are applied one at a
/// time under a lock (the service is single-owner); offers are decided on event time only, so replaying the same
/// records gives the same prices. Each InterestShown or ChatIntentDetected asks for an offer for its player, at most
/// one per <c>minOfferInterval</c> of event time per player (leading edge: the first trigger makes the offer, the
/// triggers that follow within the interval only update the context that the next offer is priced from).
/// </summary>
public sealed class LivePricingEngine(PricingPolicy policy, TimeSpan minOfferInterval)
{
    private const int ThrottleEntriesBeforePrune = 100_000;

    private readonly Lock _gate = new();
    private readonly PricingService _service = new(policy, new EventTimeClock());
    private EventInputMapper _mapper = new(policy);
    private readonly Dictionary<string, DateTimeOffset> _lastOffer = new(StringComparer.Ordinal);

    public PricingPolicy Policy
    {
        get { lock (_gate) return _service.Policy; }
    }

    /// <summary>
    /// Prices with <paramref name="policy"/> from the next record on (an operator published or rolled back a version);
    /// the state and its windows stay. Refused (and nothing changes) when the policy is not valid.
    /// </summary>
    public void UsePolicy(PricingPolicy policy)
    {
        var mapper = new EventInputMapper(PolicyValidator.EnsureValid(policy));
        lock (_gate)
        {
            _service.UsePolicy(policy);
            _mapper = mapper;
        }
    }

    public long EventsApplied
    {
        get { lock (_gate) return _service.State.EventsApplied; }
    }

    /// <summary>Whether the listing of <paramref name="itemId"/> has been read (it can be offered).</summary>
    public bool Knows(string itemId)
    {
        lock (_gate) return _service.State.TryGetItem(itemId, out _);
    }

    public long OffersMade { get; private set; }

    public long OffersThrottled { get; private set; }

    /// <summary>Applies one record; answers the offer it triggers, if any (unsigned, not yet published).</summary>
    public Offer? Apply(EventEnvelope envelope)
    {
        lock (_gate)
        {
            var input = _mapper.Map(envelope);
            if (input is null)
                return null;
            _service.Apply(input);
            var playerId = input switch
            {
                InterestShown e => e.PlayerId,
                ChatIntentDetected e => e.PlayerId,
                _ => null,
            };
            if (playerId is null)
                return null;
            if (_lastOffer.TryGetValue(playerId, out var last) && input.At >= last && input.At - last < minOfferInterval)
            {
                OffersThrottled++;
                return null;
            }

            var offer = _service.MakeOffer(playerId, input.At);
            if (offer.Items.Count == 0)
                return null;
            Prune(input.At);
            _lastOffer[playerId] = input.At;
            OffersMade++;
            return offer;
        }
    }

    private void Prune(DateTimeOffset now)
    {
        if (_lastOffer.Count < ThrottleEntriesBeforePrune)
            return;
        foreach (var (player, at) in _lastOffer.ToList())
        {
            if (now - at >= minOfferInterval)
                _lastOffer.Remove(player);
        }
    }

    /// <summary>Live offers are made at their trigger's event time; nothing may read the wall clock for a decision.</summary>
    private sealed class EventTimeClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() =>
            throw new InvalidOperationException("Live pricing decides on event time; nothing may read the wall clock.");
    }
}
