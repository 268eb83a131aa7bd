using Orleans;

namespace Commerce.Actors.Custody;

/// <summary>
/// One wallet's custodial balance in wei (decimal strings): <see cref="Available"/> to spend, <see cref="Held"/>
/// set aside for orders in flight, <see cref="Spent"/> by delivered orders, <see cref="Withdrawing"/> on its way to the
/// wallet, <see cref="Withdrawn"/> confirmed there, and <see cref="Credited"/> by confirmed deposits, so
/// Credited = Available + Held + Spent + Withdrawing + Withdrawn always. Holds by order (open ones always kept, closed
/// ones bounded), withdrawals (pending ones always kept, closed ones bounded), the latest deposits (bounded) and the
/// transactions already credited (bounded, far larger).
/// </summary>
[GenerateSerializer, Immutable, Alias("commerce.state.CustodyAccountState")]
public sealed record CustodyAccountState(
    [property: Id(0)] string Wallet,
    [property: Id(1)] string Available,
    [property: Id(2)] string Held,
    [property: Id(3)] string Spent,
    [property: Id(4)] string Credited,
    [property: Id(5)] IReadOnlyList<CustodyHold> Holds,
    [property: Id(6)] IReadOnlyList<CustodyDeposit> Deposits,
    [property: Id(7)] IReadOnlyList<string> CreditedTransactions,
    [property: Id(8)] DateTimeOffset? UpdatedAt,
    [property: Id(9)] string Withdrawing = "0",
    [property: Id(10)] string Withdrawn = "0",
    [property: Id(11)] IReadOnlyList<CustodyWithdrawal>? Withdrawals = null)
{
    /// <summary>Closed withdrawals kept (to answer a repeated request the same way, and to sum the day's).</summary>
    public const int MaxClosedWithdrawals = 256;

    /// <summary>Closed holds kept (to answer a repeated request the same way).</summary>
    public const int MaxClosedHolds = 256;

    /// <summary>Deposits listed (pending and confirmed).</summary>
    public const int MaxDeposits = 64;

    /// <summary>Credited transaction hashes remembered, so a late repeat of a confirmation is never credited again.</summary>
    public const int MaxCreditedTransactions = 4096;

    public static CustodyAccountState New(string wallet) => new(wallet, "0", "0", "0", "0", [], [], [], null);
}
