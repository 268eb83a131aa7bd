using System.Globalization;

namespace Commerce.Marketing.Campaigns;

/// <summary>What an edit changed, field by field ("supplyCap: 100 -> 200"), for the audit trail.</summary>
public static class CampaignChanges
{
    public static IReadOnlyList<string> Between(CampaignDefinition old, CampaignDefinition now)
    {
        var changes = new List<string>();
        Add(changes, "name", old.Name, now.Name);
        Add(changes, "collection", old.Collection, now.Collection);
        Add(changes, "contract", old.Contract, now.Contract);
        Add(changes, "itemName", old.ItemName, now.ItemName);
        Add(changes, "quantity", old.Quantity, now.Quantity);
        Add(changes, "supplyCap", old.SupplyCap, now.SupplyCap);
        Add(changes, "perWalletLimit", old.PerWalletLimit, now.PerWalletLimit);
        Add(changes, "gasBudget", old.GasBudget, now.GasBudget);
        Add(changes, "startsAt", old.StartsAt, now.StartsAt);
        Add(changes, "endsAt", old.EndsAt, now.EndsAt);
        Add(changes, "rule", old.Rule, now.Rule);
        return changes;
    }

    private static void Add<T>(List<string> changes, string field, T old, T now)
    {
        if (!EqualityComparer<T>.Default.Equals(old, now))
            changes.Add($"{field}: {Show(old)} -> {Show(now)}");
    }

    private static string Show<T>(T value) => value switch
    {
        null => "(none)",
        DateTimeOffset at => at.ToString("u", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
