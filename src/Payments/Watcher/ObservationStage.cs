namespace Commerce.Payments.Watcher;

/// <summary>Which report of a log an event is: first seen, confirmed at depth, or its block left the chain.</summary>
public enum ObservationStage
{
    Observed,
    Confirmed,
    Reorged,
}
