namespace Commerce.Pricing.Inputs;

/// <summary>
/// One of our own orders took an item off sale, or gave it back. <see cref="ItemAvailability.Sold"/> is for good
/// (a later listing of the catalog does not bring the item back); <see cref="ItemAvailability.Held"/> holds it for
/// <paramref name="OrderId"/>'s installment plan until that same order releases it
/// (<see cref="ItemAvailability.Released"/>, after a default). Offers leave out items that are not available.
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
