using Commerce.Actors.Ledger;

namespace Commerce.Actors.Storage;

/// <summary>
/// One grain's new state with the effects of the same change, written in one transaction if and only if the stored
/// version is <see cref="ExpectedVersion"/> (0: no row yet); the row's new version is <see cref="ExpectedVersion"/> + 1.
/// <see cref="OriginsJson"/> keeps the ingress positions applied to the state (redelivery is recognised by them).
/// Journal: the store keeps the newest <see cref="JournalLength"/> entries per key. <see cref="DedupeKeys"/>: keys of
/// effects the grain applied once ever (a credited deposit, a confirmed payment log), stored for good in the same
/// transaction; a write naming a key already stored is refused whole (<see cref="DedupeKeyTakenException"/>).
/// </summary>
public sealed record GrainWrite(
    string GrainType,
    string Key,
    long ExpectedVersion,
    string StateJson,
    string? OriginsJson,
    IReadOnlyList<OutboxWrite> Outbox,
    IReadOnlyList<LedgerWrite> Ledger,
    IReadOnlyList<JournalEntry> Journal,
    int JournalLength,
    IReadOnlyList<string>? DedupeKeys = null)
{
    /// <summary>The longest dedupe key a store keeps.</summary>
    public const int MaxDedupeKeyLength = 200;

    /// <summary>Refuses a write the stores could only store wrongly, naming the field at fault.</summary>
    internal void Validate()
    {
        if (string.IsNullOrEmpty(GrainType))
            throw new ArgumentException("GrainWrite.GrainType is empty", nameof(GrainType));
        if (string.IsNullOrEmpty(Key))
            throw new ArgumentException("GrainWrite.Key is empty", nameof(Key));
        if (ExpectedVersion < 0)
            throw new ArgumentOutOfRangeException(nameof(ExpectedVersion), ExpectedVersion, "GrainWrite.ExpectedVersion must be 0 (no row yet) or a stored version");
        if (StateJson is null)
            throw new ArgumentNullException(nameof(StateJson), "GrainWrite.StateJson is null");
        if (Outbox is null || Ledger is null || Journal is null)
            throw new ArgumentNullException(Outbox is null ? nameof(Outbox) : Ledger is null ? nameof(Ledger) : nameof(Journal), "GrainWrite lists may be empty but not null");
        if (Journal.Count > 0 && JournalLength <= 0)
            throw new ArgumentOutOfRangeException(nameof(JournalLength), JournalLength, "GrainWrite.JournalLength must be positive when Journal has entries");
        foreach (var dedupeKey in DedupeKeys ?? [])
        {
            if (string.IsNullOrEmpty(dedupeKey) || dedupeKey.Length > MaxDedupeKeyLength)
                throw new ArgumentException($"GrainWrite.DedupeKeys has an empty key or one over {MaxDedupeKeyLength} characters", nameof(DedupeKeys));
        }
        foreach (var entry in Journal)
        {
            if (entry.Key != Key)
                throw new ArgumentException($"GrainWrite.Journal has an entry of key '{entry.Key}' in a write of key '{Key}'", nameof(Journal));
        }
    }
}
