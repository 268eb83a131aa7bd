using Refit;

namespace Commerce.Connectors.Crm.Api;

/// <summary>The REST API's query resource (Refit): a SOQL query, and the next page of one.</summary>
public interface ISalesforceDataApi
{
    /// <param name="queryOptions">"batchSize=N": rows per page (200 to 2,000).</param>
    [Get("/services/data/v{version}/query")]
    Task<SoqlPage> QueryAsync(string version, [AliasAs("q")] string soql, [Header("Sforce-Query-Options")] string queryOptions, CancellationToken ct);

    /// <summary><paramref name="nextRecordsUrl"/> as the previous page gave it, without its leading '/'.</summary>
    [Get("/{**nextRecordsUrl}")]
    Task<SoqlPage> NextAsync(string nextRecordsUrl, [Header("Sforce-Query-Options")] string queryOptions, CancellationToken ct);
}
