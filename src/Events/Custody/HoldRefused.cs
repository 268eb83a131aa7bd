namespace Commerce.Events.Custody;

/// <summary>The custody account could not set the amount aside (insufficient balance, bad amount). Key: order id (on commerce.order-events).</summary>
public sealed record HoldRefused(string OrderId, string Wallet, string Currency, string Amount, string Reason) : IEvent;
