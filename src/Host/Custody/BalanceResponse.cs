namespace Commerce.Host.Custody;

/// <summary>
/// GET /api/me/balance: the player's custodial balance. <see cref="Balances"/> is what can be spent now,
/// <see cref="Held"/> what orders in flight have set aside (both in wei, by currency); <see cref="Deposits"/>
/// the latest top-ups, newest first (credited once confirmed). <see cref="Custody"/> is where to send plain ETH
/// to top up (null when no deposit watcher follows one).
/// </summary>
public sealed record BalanceResponse(
    string Wallet,
    string? Custody,
    IReadOnlyDictionary<string, string> Balances,
    IReadOnlyDictionary<string, string> Held,
    IReadOnlyList<BalanceDeposit> Deposits);
