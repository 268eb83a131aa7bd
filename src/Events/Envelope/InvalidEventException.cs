namespace Commerce.Events.Envelope;

/// <summary>A record that cannot be read as an event: it goes to the dead-letter topic, never silently away.</summary>
public sealed class InvalidEventException(string message, Exception? inner = null) : Exception(message, inner);
