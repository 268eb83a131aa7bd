namespace Commerce.Host.Custody;

/// <summary>
/// <c>POST /api/me/withdrawals</c>: <see cref="Amount"/> wei (decimal string) of the custodial balance to the player's
/// wallet. <see cref="To"/> is optional and, when given, must be that wallet: a balance is only ever paid to its owner.
/// </summary>
public sealed record WithdrawalRequest(string? Amount, string? To);
