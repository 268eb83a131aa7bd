using System.Numerics;

namespace Commerce.Payments.Deposits;

/// <summary>A transaction of a block, reduced to who sent how much wei to whom (To null for a contract creation).</summary>
public sealed record ScannedTransfer(string Hash, string From, string? To, BigInteger Value);
