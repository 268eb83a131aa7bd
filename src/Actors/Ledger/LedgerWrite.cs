namespace Commerce.Actors.Ledger;

/// <summary>
/// One ledger entry to append with a grain's commit: which grain recorded it while handling which event,
/// when, and the entry's JSON bytes exactly as they are hashed.
/// </summary>
public sealed record LedgerWrite(string GrainType, string Key, Guid EventId, DateTimeOffset At, byte[] Entry);
