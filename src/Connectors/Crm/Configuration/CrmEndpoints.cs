namespace Commerce.Connectors.Crm.Configuration;

/// <summary>
/// Where the CRM's token endpoint and instance are: the configured URLs in live mode, the local CRM's address once it
/// started in local mode. The clients' handlers read it on every call (a token's instance_url overrides the instance).
/// </summary>
public sealed class CrmEndpoints
{
    private readonly TaskCompletionSource<(Uri Login, Uri Instance)> _known = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static CrmEndpoints Of(CrmOptions options)
    {
        var endpoints = new CrmEndpoints();
        if (options.Mode == Ingestion.ConnectorMode.Live)
            endpoints.Set(new Uri(options.LoginUrl!), new Uri(options.InstanceUrl!));
        return endpoints;
    }

    public void Set(Uri login, Uri instance) => _known.TrySetResult((login, instance));

    public Task<(Uri Login, Uri Instance)> KnownAsync(CancellationToken ct) => _known.Task.WaitAsync(ct);
}
