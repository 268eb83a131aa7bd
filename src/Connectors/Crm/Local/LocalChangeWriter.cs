using System.Globalization;
using System.Text.Json;
using Commerce.Connectors.Crm.Configuration;

namespace Commerce.Connectors.Crm.Local;

/// <summary>
/// Writes the local CRM's JSON in the documented shapes: a change event delivery
/// (<c>{ "channel", "data": { "schema", "payload": { "ChangeEventHeader": {...}, fields... }, "event": { "replayId" } } }</c>)
/// and a query row (<c>{ "attributes": { "type", "url" }, "Id", fields..., "SystemModstamp" }</c>).
/// </summary>
public sealed class LocalChangeWriter(CrmOptions options)
{
    public byte[] Delivery(long replayId, string changeType, IReadOnlyList<string> ids, string transactionKey, DateTimeOffset at,
        IReadOnlyList<string> changedFields, Action<Utf8JsonWriter> fields)
    {
        using var buffer = new MemoryStream(512);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("channel", options.ChangeChannel);
            w.WriteStartObject("data");
            w.WriteString("schema", "local-" + options.ChangeEntity);
            w.WriteStartObject("payload");
            w.WriteStartObject("ChangeEventHeader");
            w.WriteString("entityName", options.Entity);
            w.WriteStartArray("recordIds");
            foreach (var id in ids)
                w.WriteStringValue(id);
            w.WriteEndArray();
            w.WriteString("changeType", changeType);
            w.WriteString("changeOrigin", $"com/salesforce/api/rest/{options.ApiVersion}");
            w.WriteString("transactionKey", transactionKey);
            w.WriteNumber("sequenceNumber", 1);
            w.WriteNumber("commitTimestamp", at.ToUnixTimeMilliseconds());
            w.WriteNumber("commitNumber", replayId * 1000);
            w.WriteString("commitUser", "005LOCAL000000000AAA");
            w.WriteStartArray("nulledFields");
            w.WriteEndArray();
            w.WriteStartArray("diffFields");
            w.WriteEndArray();
            w.WriteStartArray("changedFields");
            foreach (var field in changedFields)
                w.WriteStringValue(field);
            w.WriteEndArray();
            w.WriteEndObject();
            fields(w);
            w.WriteEndObject();
            w.WriteStartObject("event");
            w.WriteNumber("replayId", replayId);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    public Action<Utf8JsonWriter> AllFields(LocalAccount a) => w =>
    {
        w.WriteString("Name", a.Name);
        LoyaltyFields(w, a);
        w.WriteString("LastModifiedDate", Timestamp(a.Modstamp));
    };

    /// <summary>An UPDATE's changedFields and the writer of their values.</summary>
    public (IReadOnlyList<string> Names, Action<Utf8JsonWriter> Write) Changed(string? tier, decimal? lifetimeValue, string? wallet, DateTimeOffset at)
    {
        var names = new List<string>();
        if (wallet is not null)
            names.Add(options.WalletField);
        if (tier is not null)
            names.Add(options.TierField);
        if (lifetimeValue is not null)
            names.Add(options.LifetimeValueField);
        names.Add("LastModifiedDate");
        return (names, w =>
        {
            if (wallet is not null)
                w.WriteString(options.WalletField, wallet);
            if (tier is not null)
                w.WriteString(options.TierField, tier);
            if (lifetimeValue is { } value)
                w.WriteNumber(options.LifetimeValueField, value);
            w.WriteString("LastModifiedDate", Timestamp(at));
        });
    }

    public Action<Utf8JsonWriter> NoFields() => _ => { };

    public void Row(Utf8JsonWriter w, LocalAccount a)
    {
        w.WriteStartObject();
        w.WriteStartObject("attributes");
        w.WriteString("type", options.Entity);
        w.WriteString("url", $"/services/data/v{options.ApiVersion}/sobjects/{options.Entity}/{a.Id}");
        w.WriteEndObject();
        w.WriteString("Id", a.Id);
        LoyaltyFields(w, a);
        w.WriteString("SystemModstamp", Timestamp(a.Modstamp));
        w.WriteEndObject();
    }

    /// <summary>Salesforce's date-time format: milliseconds and an offset without a colon.</summary>
    public static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture) + "+0000";

    private void LoyaltyFields(Utf8JsonWriter w, LocalAccount a)
    {
        WriteOrNull(w, options.WalletField, a.Wallet);
        WriteOrNull(w, options.TierField, a.Tier);
        if (a.LifetimeValue is { } value)
            w.WriteNumber(options.LifetimeValueField, value);
        else
            w.WriteNull(options.LifetimeValueField);
    }

    private static void WriteOrNull(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
            w.WriteNull(name);
        else
            w.WriteString(name, value);
    }
}
