namespace Commerce.Actors.Runtime;

/// <summary>A grain received an event type it has no handler for: the record is dead-lettered.</summary>
public sealed class UnhandledEventException(string grainType, string eventType)
    : Exception($"{grainType} has no handler for {eventType}");
