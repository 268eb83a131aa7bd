namespace Commerce.Pricing.Inputs;

/// <summary>
/// One of our own orders took an item off sale, or gave it back. <see cref="ItemAvailability.Sold"/> is for good
/// (a later listing of the catalog does not bring the item back); <see cref="ItemAvailability.Held"/> keeps it for
/// <paramref name="OrderId"/>, which paid for it (an installment plan, a custodial delivery), until that same order
/// releases it (<see cref="ItemAvailability.Released"/>: its plan defaulted, its delivery failed). Offers leave out items
/// that are not available.
/// </summary>
public sealed record ItemAvailabilityChanged(string ItemId, string OrderId, ItemAvailability Availability, DateTimeOffset At) : PricingInput(At)
{
    public override string Key => ItemId;
}

public enum ItemAvailability
{
    Released,
    Held,
    Sold,
}
