using System.Numerics;

namespace Commerce.Chain.Contracts;

/// <summary>
/// The Checkout's installment and default rules, computed off-chain exactly as the contract does
/// (contracts/README.md): N payments; each after the first is price / N (rounded down), the down
/// payment is the rest; payment k (1..N-1) is due by startedAt + k * interval; a defaulting buyer
/// gets back what was paid less a 10% penalty (the penalty rounded up).
/// </summary>
public static class InstallmentSchedule
{
    public const int MaxInstallments = 24;

    /// <summary>The penalty on default, in basis points of what was paid.</summary>
    public const int DefaultPenaltyBps = 1_000;

    public static BigInteger DownPayment(BigInteger price, int installments)
    {
        Check(price, installments);
        return price - price / installments * (installments - 1);
    }

    public static BigInteger InstallmentAmount(BigInteger price, int installments)
    {
        Check(price, installments);
        return price / installments;
    }

    /// <summary>What the buyer pays with the purchase: the whole price, or a plan's down payment.</summary>
    public static BigInteger AmountDueAtPurchase(BigInteger price, int installments) =>
        installments == 1 ? price : DownPayment(price, installments);

    /// <summary>The deadline (unix seconds, inclusive) of payment <paramref name="index"/> (1..N-1).</summary>
    public static ulong Deadline(ulong startedAt, int index, ulong interval) =>
        index >= 1 ? startedAt + (ulong)index * interval : throw new ArgumentOutOfRangeException(nameof(index), index, "index: installments after the down payment are numbered from 1");

    /// <summary>What a defaulting buyer who paid <paramref name="paid"/> gets back, and the penalty the platform keeps.</summary>
    public static (BigInteger Refund, BigInteger Penalty) DefaultRefund(BigInteger paid)
    {
        if (paid.Sign < 0)
            throw new ArgumentOutOfRangeException(nameof(paid), paid, "paid: must not be negative");
        var penalty = (paid * DefaultPenaltyBps + 9_999) / 10_000;
        return (paid - penalty, penalty);
    }

    private static void Check(BigInteger price, int installments)
    {
        if (installments is < 1 or > MaxInstallments)
            throw new ArgumentOutOfRangeException(nameof(installments), installments, $"installments: must be 1 to {MaxInstallments}");
        if (price < installments)
            throw new ArgumentOutOfRangeException(nameof(price), price, "price: must be at least the number of installments (base units)");
    }
}
