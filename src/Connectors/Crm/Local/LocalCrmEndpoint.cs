namespace Commerce.Connectors.Crm.Local;

/// <summary>The local CRM's endpoints, for faults and request counts.</summary>
public enum LocalCrmEndpoint
{
    Token,
    Query,
    Streaming,
    Records,
}
