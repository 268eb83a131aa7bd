namespace Commerce.Payments.Watcher;

/// <summary>A log already confirmed (its <see cref="LogIdentity"/>), kept while its block is within the reorg window.</summary>
public sealed record ConfirmedLog(string Identity, ulong BlockNumber);
