using Commerce.Connectors.Http;

namespace Commerce.Connectors.Crm.Configuration;

/// <summary>
/// Where the CRM's token endpoint and instance are: the configured URLs in live mode, the local CRM's address once it
/// started in local mode. The clients' handlers read it on every call (a token's instance_url overrides the instance).
/// </summary>
public sealed class CrmEndpoints : ServiceAddresses<(Uri Login, Uri Instance)>
{
    public static CrmEndpoints Of(CrmOptions options)
    {
        var endpoints = new CrmEndpoints();
        if (options.Mode == Ingestion.ConnectorMode.Live)
            endpoints.Set((new Uri(options.LoginUrl!), new Uri(options.InstanceUrl!)));
        return endpoints;
    }
}
