using Azure.Core;

namespace Commerce.Conversation.Clu;

/// <summary>Azure.Core's client options for the CLU pipeline: retries and the per-attempt timeout from <see cref="CluOptions"/>.</summary>
public sealed class CluClientOptions : ClientOptions
{
    public CluClientOptions(CluOptions options)
    {
        Retry.MaxRetries = options.MaxRetries;
        Retry.Delay = options.RetryDelay;
        Retry.MaxDelay = TimeSpan.FromSeconds(10);
        Retry.Mode = RetryMode.Exponential;
        Retry.NetworkTimeout = options.NetworkTimeout;
        Diagnostics.IsLoggingContentEnabled = false;
        Diagnostics.IsTelemetryEnabled = false;
    }
}
