namespace Commerce.Actors.Ledger;

/// <summary>A stored ledger row: its place in the chain, what was written and the two hashes that link it.</summary>
public sealed record LedgerRecord(long Seq, LedgerWrite Write, byte[] PreviousHash, byte[] Hash);
