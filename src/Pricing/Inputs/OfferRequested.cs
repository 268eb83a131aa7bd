namespace Commerce.Pricing.Inputs;

/// <summary>The moment a player should receive an offer; recorded so a replay reproduces offers at the same instants.</summary>
public sealed record OfferRequested(string PlayerId, DateTimeOffset At)
    : PricingInput(At)
{
    public override string Key => PlayerId;
}
