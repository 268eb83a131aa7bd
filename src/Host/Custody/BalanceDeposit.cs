namespace Commerce.Host.Custody;

/// <summary>One top-up transaction to the custody address (amount in wei); credited to the balance once confirmed.</summary>
public sealed record BalanceDeposit(string TxHash, string Amount, bool Confirmed);
