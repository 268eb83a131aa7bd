using Orleans;

namespace Commerce.Events.Custody;

/// <summary>The order gave up (delivery failed for good, or it was cancelled): the funds it holds go back to the balance. Key: the wallet (lowercase).</summary>
[GenerateSerializer, Immutable, Alias("commerce.events.HoldReleaseRequested")]
public sealed record HoldReleaseRequested(
    [property: Id(0)] string Wallet,
    [property: Id(1)] string OrderId,
    [property: Id(2)] string Reason) : IEvent;
