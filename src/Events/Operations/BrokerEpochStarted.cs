namespace Commerce.Events.Operations;

/// <summary>
/// The first record of the epoch topic: names this broker incarnation, so offsets stored in the
/// database are never read against a different log. Key: "epoch".
/// </summary>
public sealed record BrokerEpochStarted(string Epoch) : IEvent;
