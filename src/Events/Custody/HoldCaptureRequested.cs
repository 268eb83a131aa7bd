using Orleans;

namespace Commerce.Events.Custody;

/// <summary>The order delivered its item: the funds it holds are spent (they leave the balance for good). Key: the wallet (lowercase).</summary>
[GenerateSerializer, Immutable, Alias("commerce.events.HoldCaptureRequested")]
public sealed record HoldCaptureRequested(
    [property: Id(0)] string Wallet,
    [property: Id(1)] string OrderId) : IEvent;
