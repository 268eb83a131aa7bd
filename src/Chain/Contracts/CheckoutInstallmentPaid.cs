using System.Numerics;
using Commerce.Chain.Crypto;

namespace Commerce.Chain.Contracts;

/// <summary>InstallmentPaid: payment <see cref="Index"/> (1..N-1) of a plan; NextDeadline is 0 after the last.</summary>
public sealed record CheckoutInstallmentPaid(
    byte[] PurchaseId, EthAddress Buyer, ushort Index, BigInteger Amount, BigInteger TotalPaid, ulong NextDeadline) : CheckoutEvent;
