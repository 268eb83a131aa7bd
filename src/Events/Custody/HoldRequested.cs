namespace Commerce.Events.Custody;

/// <summary>
/// An order asked the custody account of <see cref="Wallet"/> to set <see cref="Amount"/> aside for it (the
/// custodial payment kind). Answered on commerce.order-events with FundsHeld or HoldRefused. Key: the wallet (lowercase).
/// </summary>
public sealed record HoldRequested(string Wallet, string OrderId, string Currency, string Amount) : IEvent;
