namespace Commerce.Pricing.Inputs;

/// <summary>A fact the pricing engine consumes. <see cref="At"/> is event time, used by every window.</summary>
public abstract record PricingInput(DateTimeOffset At)
{
    /// <summary>The entity the fact belongs to (the Kafka key it will travel under).</summary>
    public abstract string Key { get; }
}
