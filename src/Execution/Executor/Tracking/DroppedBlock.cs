namespace Commerce.Execution.Executor.Tracking;

/// <summary>A scanned block that is no longer canonical: the hash the tracker saw, and what the node has at that height now (null: nothing).</summary>
internal sealed record DroppedBlock(ulong Number, string Known, string? Canonical);
