namespace Commerce.Host.Custody;

/// <summary>
/// One withdrawal of the player's custodial balance: its id (the request's Idempotency-Key), amount (wei), where it
/// stands (pending, completed, failed: the amount came back), the transaction once known, why it failed, when it was asked.
/// </summary>
public sealed record WithdrawalView(string WithdrawalId, string Amount, string To, string Status, string? TxHash, string? Reason, DateTimeOffset RequestedAt);
