namespace Commerce.Connectors.Ingestion;

/// <summary>Where a connector reads from: nowhere, the real service, or the local simulation of it (the embedded default).</summary>
public enum ConnectorMode
{
    Off = 0,
    Local = 1,
    Live = 2,
}
