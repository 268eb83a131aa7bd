namespace Commerce.Actors.Storage;

/// <summary>A grain write in a <see cref="SqliteGrainWriteQueue"/> group: its outcome is set in the transaction and told after the COMMIT.</summary>
internal sealed class PendingGrainWrite(GrainWrite write)
{
    public GrainWrite Write { get; } = write;

    /// <summary>Completed on the committer's thread: continuations run there until they reach their grain's scheduler.</summary>
    public TaskCompletionSource<long> Done { get; } = new();

    /// <summary>The version stored, or the conflict that refused the write.</summary>
    public long Version { get; set; }

    /// <summary>A <see cref="GrainVersionConflictException"/> or a <see cref="DedupeKeyTakenException"/>: the write was refused whole.</summary>
    public Exception? Conflict { get; set; }

    public void Complete()
    {
        if (Conflict is not null)
            Done.TrySetException(Conflict);
        else
            Done.TrySetResult(Version);
    }

    public void Fail(Exception failure) => Done.TrySetException(failure);
}
