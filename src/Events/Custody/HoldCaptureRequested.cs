namespace Commerce.Events.Custody;

/// <summary>The order delivered its item: the funds it holds are spent (they leave the balance for good). Key: the wallet (lowercase).</summary>
public sealed record HoldCaptureRequested(string Wallet, string OrderId) : IEvent;
