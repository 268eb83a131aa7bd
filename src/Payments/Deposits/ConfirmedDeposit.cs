namespace Commerce.Payments.Deposits;

/// <summary>A deposit already confirmed (its <see cref="DepositIdentity"/>), kept while its block is within the reorg window.</summary>
public sealed record ConfirmedDeposit(string Identity, ulong BlockNumber);
