namespace Commerce.Actors.Custody;

/// <summary>One order's hold on the account: amount (wei), <see cref="HoldStatus"/>, why (for a refusal or a release), when it last changed.</summary>
public sealed record CustodyHold(string OrderId, string Amount, string Status, string? Reason, DateTimeOffset At);
