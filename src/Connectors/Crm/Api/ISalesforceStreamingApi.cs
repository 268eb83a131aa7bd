using Refit;

namespace Commerce.Connectors.Crm.Api;

/// <summary>The Streaming API's CometD endpoint (Refit): every Bayeux exchange is a POST of a message array.</summary>
public interface ISalesforceStreamingApi
{
    [Post("/cometd/{version}")]
    Task<List<BayeuxMessage>> SendAsync(string version, [Body] IReadOnlyList<BayeuxMessage> messages, CancellationToken ct);

    /// <summary>
    /// The same exchange answered as the body itself, for /meta/connect: its answer holds up to thousands of event
    /// deliveries, which the caller reads as one JSON document (a non-success status throws, as for <see cref="SendAsync"/>).
    /// </summary>
    [Post("/cometd/{version}")]
    Task<Stream> SendForBodyAsync(string version, [Body] IReadOnlyList<BayeuxMessage> messages, CancellationToken ct);
}
