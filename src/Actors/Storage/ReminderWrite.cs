namespace Commerce.Actors.Storage;

/// <summary>
/// Sets (or, with no <see cref="DueAt"/>, cancels) a grain's named reminder: an envelope that is
/// published to <see cref="Topic"/> when it comes due. One reminder per grain and name.
/// </summary>
public sealed record ReminderWrite(string Key, string Name, DateTimeOffset? DueAt, string Topic, string RecordKey, byte[]? Envelope);
