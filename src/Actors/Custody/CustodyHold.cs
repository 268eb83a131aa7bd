using Orleans;

namespace Commerce.Actors.Custody;

/// <summary>One order's hold on the account: amount (wei), <see cref="HoldStatus"/>, why (for a refusal or a release), when it last changed.</summary>
[GenerateSerializer, Immutable, Alias("commerce.state.CustodyHold")]
public sealed record CustodyHold(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string Amount,
    [property: Id(2)] string Status,
    [property: Id(3)] string? Reason,
    [property: Id(4)] DateTimeOffset At);
