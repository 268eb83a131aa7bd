namespace Commerce.Actors.Storage;

/// <summary>
/// One entry of a grain's journal: a numbered record the grain appended (for a player session, a push), kept in its
/// own rows beside the grain's state so that the state stays small; the store keeps the newest
/// <c>JournalLength</c> of the change that appended them per key (<see cref="GrainWrite.JournalLength"/>).
/// </summary>
public sealed record JournalEntry(string Key, long Seq, string Kind, string BodyJson, DateTimeOffset At);
