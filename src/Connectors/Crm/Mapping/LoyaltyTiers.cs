namespace Commerce.Connectors.Crm.Mapping;

/// <summary>The tiers the platform prices by (pricing's LoyaltyTier); a CRM value is matched ignoring case and stored in this spelling.</summary>
public static class LoyaltyTiers
{
    public const string None = "None";

    private static readonly string[] Known = [None, "Bronze", "Silver", "Gold", "Platinum"];

    public static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return None;
        var trimmed = value.AsSpan().Trim();
        foreach (var tier in Known)
            if (trimmed.Equals(tier, StringComparison.OrdinalIgnoreCase))
                return tier;
        return null;
    }
}
