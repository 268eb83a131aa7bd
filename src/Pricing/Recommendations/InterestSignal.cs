namespace Commerce.Pricing.Recommendations;

/// <summary>An item a player showed interest in, with the traits similarity is measured on.</summary>
public sealed record InterestSignal(string ItemId, string Collection, IReadOnlyList<string> Traits);
