namespace Commerce.Execution.Executor.Tracking;

/// <summary>A canonical block the tracker scanned, with the hashes of the transactions it lists.</summary>
internal sealed record ScannedBlock(ulong Number, string Hash, IReadOnlyList<string> TransactionHashes);
