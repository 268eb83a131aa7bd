using Orleans;

namespace Commerce.Events.Operations;

/// <summary>
/// The first record of the epoch topic: names this broker incarnation, so offsets stored in the
/// database are never read against a different log. Key: "epoch".
/// </summary>
[GenerateSerializer, Immutable, Alias("commerce.events.BrokerEpochStarted")]
public sealed record BrokerEpochStarted(
    [property: Id(0)] string Epoch) : IEvent;
