using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Commerce.Connectors.Crm.Configuration;

namespace Commerce.Connectors.Crm.Mapping;

/// <summary>
/// Reads the loyalty fields of a CRM record or change event, strictly: a value that is there but wrong is an error
/// naming the field (the input is dead-lettered), a value that is absent or null is the default.
/// </summary>
public sealed partial class CrmFieldReader(CrmOptions options)
{
    public string WalletField => options.WalletField;

    public string TierField => options.TierField;

    public string LifetimeValueField => options.LifetimeValueField;

    public bool IsLoyaltyField(string field) =>
        field == options.WalletField || field == options.TierField || field == options.LifetimeValueField;

    /// <summary>A whole record (a query row, a CREATE's fields): its account, or the reason it cannot be read.</summary>
    public bool TryReadAccount(JsonElement record, string? id, DateTimeOffset asOf, out CrmAccount account, out string error)
    {
        account = null!;
        id ??= record.TryGetProperty("Id", out var idValue) && idValue.ValueKind == JsonValueKind.String ? idValue.GetString() : null;
        if (id is null || !IsRecordId(id))
        {
            error = "Id: missing or not a record id";
            return false;
        }
        if (!TryWallet(record, out var wallet, out error) || !TryTier(record, out var tier, out error) || !TryValue(record, out var value, out error))
            return false;
        if (record.TryGetProperty("SystemModstamp", out var stamp) && stamp.ValueKind == JsonValueKind.String)
        {
            if (!TryTimestamp(stamp.GetString()!, out asOf))
            {
                error = "SystemModstamp: not a date-time";
                return false;
            }
        }
        account = new CrmAccount(id, wallet, tier ?? LoyaltyTiers.None, value ?? 0m, asOf);
        return true;
    }

    public bool TryWallet(JsonElement fields, out string? wallet, out string error)
    {
        wallet = null;
        error = "";
        if (!fields.TryGetProperty(options.WalletField, out var value) || value.ValueKind == JsonValueKind.Null)
            return true;
        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : null;
        if (text is null || !Address().IsMatch(text))
        {
            error = $"{options.WalletField}: not a 0x address of 40 hex digits";
            return false;
        }
        wallet = text.ToLowerInvariant();
        return true;
    }

    public bool TryTier(JsonElement fields, out string? tier, out string error)
    {
        tier = null;
        error = "";
        if (!fields.TryGetProperty(options.TierField, out var value) || value.ValueKind == JsonValueKind.Null)
            return true;
        tier = value.ValueKind == JsonValueKind.String ? LoyaltyTiers.Normalize(value.GetString()) : null;
        if (tier is null)
        {
            error = $"{options.TierField}: not a tier (None, Bronze, Silver, Gold, Platinum)";
            return false;
        }
        return true;
    }

    public bool TryValue(JsonElement fields, out decimal? lifetimeValue, out string error)
    {
        lifetimeValue = null;
        error = "";
        if (!fields.TryGetProperty(options.LifetimeValueField, out var value) || value.ValueKind == JsonValueKind.Null)
            return true;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var parsed) || parsed < 0)
        {
            error = $"{options.LifetimeValueField}: not a number at least 0";
            return false;
        }
        lifetimeValue = parsed;
        return true;
    }

    public static bool IsRecordId(string id) => RecordId().IsMatch(id);

    /// <summary>Salesforce date-times: "2026-12-06T17:00:00.000+0000" (offset without a colon) or ISO 8601.</summary>
    public static bool TryTimestamp(string text, out DateTimeOffset at)
    {
        var normalized = OffsetWithoutColon().Replace(text, "$1:$2");
        return DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out at);
    }

    [GeneratedRegex("^0x[0-9a-fA-F]{40}$")]
    private static partial Regex Address();

    [GeneratedRegex("^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$")]
    private static partial Regex RecordId();

    [GeneratedRegex(@"([+-]\d{2})(\d{2})$")]
    private static partial Regex OffsetWithoutColon();
}
