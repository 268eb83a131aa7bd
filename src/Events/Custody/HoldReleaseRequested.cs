namespace Commerce.Events.Custody;

/// <summary>The order gave up (delivery failed for good, or it was cancelled): the funds it holds go back to the balance. Key: the wallet (lowercase).</summary>
public sealed record HoldReleaseRequested(string Wallet, string OrderId, string Reason) : IEvent;
