using System.Text.Json;

namespace Commerce.Connectors.Crm.Mapping;

/// <summary>
/// The ChangeEventHeader of a Change Data Capture event: which records (several, or a wildcard such as "001*") of
/// which entity changed how, which fields, when, and in which transaction (key and the event's number in it).
/// </summary>
public sealed record ChangeHeader(
    string EntityName,
    IReadOnlyList<string> RecordIds,
    ChangeKind Kind,
    bool Gap,
    IReadOnlyList<string> ChangedFields,
    DateTimeOffset CommitTimestamp,
    string TransactionKey,
    long SequenceNumber)
{
    /// <summary>True when the event names no records but all of a kind (an overflow, some gaps).</summary>
    public bool Wildcard => RecordIds.Any(id => id.EndsWith('*'));

    public static bool TryRead(JsonElement payload, out ChangeHeader header, out string error)
    {
        header = null!;
        if (payload.ValueKind != JsonValueKind.Object || !payload.TryGetProperty("ChangeEventHeader", out var h) || h.ValueKind != JsonValueKind.Object)
            return Fail("ChangeEventHeader: missing", out error);
        if (!Text(h, "entityName", out var entity))
            return Fail("ChangeEventHeader.entityName: missing", out error);
        if (!h.TryGetProperty("recordIds", out var ids) || ids.ValueKind != JsonValueKind.Array || ids.GetArrayLength() == 0
            || ids.EnumerateArray().Any(i => i.ValueKind != JsonValueKind.String))
            return Fail("ChangeEventHeader.recordIds: missing or not a list of ids", out error);
        if (!Text(h, "changeType", out var type) || !ChangeKinds.TryParse(type, out var kind, out var gap))
            return Fail("ChangeEventHeader.changeType: missing or unknown", out error);
        if (!h.TryGetProperty("commitTimestamp", out var commit) || commit.ValueKind != JsonValueKind.Number || !commit.TryGetInt64(out var commitMs))
            return Fail("ChangeEventHeader.commitTimestamp: missing or not epoch milliseconds", out error);
        if (!Text(h, "transactionKey", out var transaction))
            return Fail("ChangeEventHeader.transactionKey: missing", out error);
        if (!h.TryGetProperty("sequenceNumber", out var sequence) || sequence.ValueKind != JsonValueKind.Number || !sequence.TryGetInt64(out var seq))
            return Fail("ChangeEventHeader.sequenceNumber: missing or not a number", out error);
        var changed = h.TryGetProperty("changedFields", out var fields) && fields.ValueKind == JsonValueKind.Array
            ? fields.EnumerateArray().Where(f => f.ValueKind == JsonValueKind.String).Select(f => f.GetString()!).ToArray()
            : [];
        header = new ChangeHeader(entity, ids.EnumerateArray().Select(i => i.GetString()!).ToArray(), kind, gap, changed,
            DateTimeOffset.FromUnixTimeMilliseconds(commitMs), transaction, seq);
        error = "";
        return true;
    }

    private static bool Text(JsonElement header, string name, out string value)
    {
        value = header.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
        return value.Length > 0;
    }

    private static bool Fail(string reason, out string error)
    {
        error = reason;
        return false;
    }
}
