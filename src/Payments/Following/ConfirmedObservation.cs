namespace Commerce.Payments.Following;

/// <summary>An observation already confirmed (by its identity), kept while its block is within the reorg window.</summary>
public sealed record ConfirmedObservation(string Identity, ulong BlockNumber);
