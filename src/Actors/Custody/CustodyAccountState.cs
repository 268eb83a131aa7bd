namespace Commerce.Actors.Custody;

/// <summary>
/// One wallet's custodial balance in wei (decimal strings): <see cref="Available"/> to spend, <see cref="Held"/>
/// set aside for orders in flight, <see cref="Spent"/> by delivered orders and <see cref="Credited"/> by
/// confirmed deposits, so Credited = Available + Held + Spent always. Holds by order (open ones always kept,
/// closed ones bounded), the latest deposits (bounded) and the transactions already credited (bounded, far larger).
/// </summary>
public sealed record CustodyAccountState(
    string Wallet,
    string Available,
    string Held,
    string Spent,
    string Credited,
    IReadOnlyList<CustodyHold> Holds,
    IReadOnlyList<CustodyDeposit> Deposits,
    IReadOnlyList<string> CreditedTransactions,
    DateTimeOffset? UpdatedAt)
{
    /// <summary>Closed holds kept (to answer a repeated request the same way).</summary>
    public const int MaxClosedHolds = 256;

    /// <summary>Deposits listed (pending and confirmed).</summary>
    public const int MaxDeposits = 64;

    /// <summary>Credited transaction hashes remembered, so a late repeat of a confirmation is never credited again.</summary>
    public const int MaxCreditedTransactions = 4096;

    public static CustodyAccountState New(string wallet) => new(wallet, "0", "0", "0", "0", [], [], [], null);
}
