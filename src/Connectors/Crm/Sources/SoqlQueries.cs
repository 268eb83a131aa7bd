using Commerce.Connectors.Crm.Configuration;
using Commerce.Connectors.Crm.Mapping;

namespace Commerce.Connectors.Crm.Sources;

/// <summary>The SOQL the connector sends: every record with a wallet (backfill, overflow), or some records by id (gaps, unknown records).</summary>
public sealed class SoqlQueries(CrmOptions options)
{
    /// <summary>Most ids in one IN list (the query stays well under SOQL's length limit).</summary>
    public const int MaxIdsPerQuery = 200;

    private string Select => $"SELECT Id, {options.WalletField}, {options.TierField}, {options.LifetimeValueField}, SystemModstamp FROM {options.Entity}";

    public string All() => $"{Select} WHERE {options.WalletField} != null ORDER BY Id";

    public IEnumerable<string> ByIds(IEnumerable<string> ids) =>
        ids.Where(CrmFieldReader.IsRecordId).Distinct(StringComparer.Ordinal).Chunk(MaxIdsPerQuery)
            .Select(chunk => $"{Select} WHERE Id IN ({string.Join(", ", chunk.Select(id => $"'{id}'"))})");
}
