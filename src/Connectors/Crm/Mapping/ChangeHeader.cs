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
        if (payload.ValueKind != JsonValueKind.Object || !payload.TryGetProperty("ChangeEventHeader"u8, out var h) || h.ValueKind != JsonValueKind.Object)
            return Fail("ChangeEventHeader: missing", out error);
        if (!Text(h, "entityName"u8, out var entity))
            return Fail("ChangeEventHeader.entityName: missing", out error);
        if (!h.TryGetProperty("recordIds"u8, out var ids) || Strings(ids, out var recordIds) is 0 or -1)
            return Fail("ChangeEventHeader.recordIds: missing or not a list of ids", out error);
        if (!Text(h, "changeType"u8, out var type) || !ChangeKinds.TryParse(type, out var kind, out var gap))
            return Fail("ChangeEventHeader.changeType: missing or unknown", out error);
        if (!h.TryGetProperty("commitTimestamp"u8, out var commit) || commit.ValueKind != JsonValueKind.Number || !commit.TryGetInt64(out var commitMs))
            return Fail("ChangeEventHeader.commitTimestamp: missing or not epoch milliseconds", out error);
        if (!Text(h, "transactionKey"u8, out var transaction))
            return Fail("ChangeEventHeader.transactionKey: missing", out error);
        if (!h.TryGetProperty("sequenceNumber"u8, out var sequence) || sequence.ValueKind != JsonValueKind.Number || !sequence.TryGetInt64(out var seq))
            return Fail("ChangeEventHeader.sequenceNumber: missing or not a number", out error);
        string[] changed = [];
        if (h.TryGetProperty("changedFields"u8, out var fields))
            Strings(fields, out changed, skipOthers: true);
        header = new ChangeHeader(entity, recordIds, kind, gap, changed, DateTimeOffset.FromUnixTimeMilliseconds(commitMs), transaction, seq);
        error = "";
        return true;
    }

    /// <summary>The strings of a JSON array: their count, or -1 when it is not an array or holds something else (unless <paramref name="skipOthers"/>).</summary>
    private static int Strings(JsonElement array, out string[] values, bool skipOthers = false)
    {
        values = [];
        if (array.ValueKind != JsonValueKind.Array)
            return -1;
        var found = new List<string>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
                found.Add(item.GetString()!);
            else if (!skipOthers)
                return -1;
        }
        values = found.ToArray();
        return values.Length;
    }

    private static bool Text(JsonElement header, ReadOnlySpan<byte> name, out string value)
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
