using Refit;

namespace Commerce.Connectors.Crm.Api;

/// <summary>The Streaming API's CometD endpoint (Refit): every Bayeux exchange is a POST of a message array.</summary>
public interface ISalesforceStreamingApi
{
    [Post("/cometd/{version}")]
    Task<List<BayeuxMessage>> SendAsync(string version, [Body] IReadOnlyList<BayeuxMessage> messages, CancellationToken ct);
}
