namespace Commerce.Payments.Deposits;

/// <summary>The parts of a block the deposit watcher reads: its identity, its parent, its time and its value transfers.</summary>
public sealed record ScannedBlock(ulong Number, string Hash, string ParentHash, ulong Timestamp, IReadOnlyList<ScannedTransfer> Transfers);
