using Commerce.Events.Envelope;

namespace Commerce.Actors.Runtime;

/// <summary>
/// What a grain answers to a call: events addressed by key, usually to the caller (an item's answer to a reservation
/// request), sometimes to another grain of the caller's type (an order overtaken by the caller), which the caller
/// forwards. Answers, not calls back: a callee never calls its caller's type, so calls never form a cycle.
/// </summary>
[GenerateSerializer, Immutable, Alias("commerce.runtime.Replies")]
public sealed record Replies([property: Id(0)] IReadOnlyList<EventEnvelope> Events)
{
    public static Replies None { get; } = new([]);
}
