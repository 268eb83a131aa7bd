using System.Text.Json;
using System.Text.Json.Serialization;

namespace Commerce.Connectors.Crm.Local;

/// <summary>
/// The seeded CRM's file: its accounts and the changes it makes afterwards, one every Crm:Local:ChangeInterval.
/// A change names accounts by their index in <see cref="Accounts"/> and sets fields ("tier", "lifetimeValue", "wallet");
/// <see cref="LocalChange.Type"/> is a changeType (UPDATE, DELETE, UNDELETE, GAP_UPDATE, GAP_OVERFLOW...).
/// </summary>
public sealed record LocalCrmSeed(
    [property: JsonPropertyName("accounts")] IReadOnlyList<LocalSeedAccount> Accounts,
    [property: JsonPropertyName("changes")] IReadOnlyList<LocalChange> Changes)
{
    public static readonly LocalCrmSeed Empty = new([], []);

    public static LocalCrmSeed Load(string path)
    {
        using var file = File.OpenRead(path);
        return JsonSerializer.Deserialize<LocalCrmSeed>(file) ?? Empty;
    }
}
