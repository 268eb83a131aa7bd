namespace Commerce.Connectors.Ingestion;

/// <summary>A running ingestion connector, as operators and the demo see it.</summary>
public interface IConnector
{
    string Name { get; }

    ConnectorMode Mode { get; }

    IngestionCounters Counters { get; }
}
