using System.Runtime.CompilerServices;
using Commerce.Connectors.Crm.Api;
using Commerce.Connectors.Crm.Configuration;
using Commerce.Connectors.Crm.Mapping;
using Commerce.Connectors.Ingestion;

namespace Commerce.Connectors.Crm.Sources;

/// <summary>
/// Reads records through SOQL (<c>/services/data/vXX.X/query</c>), following nextRecordsUrl until done, one page per
/// request; each row becomes a loyalty snapshot, and a row that cannot be read is dead-lettered with its reason.
/// </summary>
public sealed class CrmRecordReader(ISalesforceDataApi api, CrmOptions options, CrmFieldReader fields, ChangeEventProcessor processor, TimeProvider clock)
{
    public async IAsyncEnumerable<IngestPage> ReadAsync(string soql, [EnumeratorCancellation] CancellationToken ct)
    {
        var batch = $"batchSize={options.QueryBatchSize}";
        var page = await api.QueryAsync(options.ApiVersion, soql, batch, ct);
        while (true)
        {
            yield return Units(page);
            if (page.Done || string.IsNullOrEmpty(page.NextRecordsUrl))
                yield break;
            page = await api.NextAsync(page.NextRecordsUrl.TrimStart('/'), batch, ct);
        }
    }

    private IngestPage Units(SoqlPage page)
    {
        var units = new List<IngestUnit>(page.Records.Count);
        foreach (var row in page.Records)
        {
            if (!fields.TryReadAccount(row, null, clock.GetUtcNow(), out var account, out var error))
                units.Add(IngestUnit.Refused(new RejectedInput($"crm/query/{RowId(row)}", error, row.GetRawText())));
            else if (processor.Snapshot(account) is { } record)
                units.Add(IngestUnit.Of(record));
        }
        return new IngestPage(units);
    }

    private static string RowId(System.Text.Json.JsonElement row) =>
        row.ValueKind == System.Text.Json.JsonValueKind.Object && row.TryGetProperty("Id", out var id) && id.ValueKind == System.Text.Json.JsonValueKind.String
            ? id.GetString()! : "unknown";
}
