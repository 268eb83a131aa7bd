namespace Commerce.Connectors.Crm.Mapping;

/// <summary>The tiers the platform prices by (pricing's LoyaltyTier); a CRM value is matched ignoring case and stored in this spelling.</summary>
public static class LoyaltyTiers
{
    public const string None = "None";

    private static readonly string[] Known = [None, "Bronze", "Silver", "Gold", "Platinum"];

    public static string? Normalize(string? value) =>
        string.IsNullOrWhiteSpace(value) ? None : Known.FirstOrDefault(t => string.Equals(t, value.Trim(), StringComparison.OrdinalIgnoreCase));
}
