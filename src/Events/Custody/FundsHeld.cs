namespace Commerce.Events.Custody;

/// <summary>The custody account set <see cref="Amount"/> aside for the order. Key: order id (on commerce.order-events).</summary>
public sealed record FundsHeld(string OrderId, string Wallet, string Currency, string Amount) : IEvent;
