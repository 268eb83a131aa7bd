using Refit;

namespace Commerce.Connectors.Crm.Api;

/// <summary>The REST API's query resource (Refit): a SOQL query, and the next page of one.</summary>
public interface ISalesforceDataApi
{
    [Get("/services/data/v{version}/query")]
    Task<SoqlPage> QueryAsync(string version, [AliasAs("q")] string soql, CancellationToken ct);

    /// <summary><paramref name="nextRecordsUrl"/> as the previous page gave it, without its leading '/'.</summary>
    [Get("/{**nextRecordsUrl}")]
    Task<SoqlPage> NextAsync(string nextRecordsUrl, CancellationToken ct);
}
