namespace Commerce.Benchmarks;

/// <summary>Collections per generation and time paused, so a phase can report what the GC took from it.</summary>
internal readonly record struct GcSnapshot(int Gen0, int Gen1, int Gen2, TimeSpan Paused)
{
    public static GcSnapshot Take() =>
        new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());

    public static GcSnapshot operator -(GcSnapshot after, GcSnapshot before) =>
        new(after.Gen0 - before.Gen0, after.Gen1 - before.Gen1, after.Gen2 - before.Gen2, after.Paused - before.Paused);

    public override string ToString() =>
        $"{Gen0} gen0, {Gen1} gen1, {Gen2} gen2 (counts include the older generations' own), {Paused.TotalMilliseconds:F0} ms paused in all; {LastEphemeral()}";

    /// <summary>What the newest gen0/gen1 collection kept and how long it paused: survivors are what a collection costs.</summary>
    private static string LastEphemeral()
    {
        var info = GC.GetGCMemoryInfo(GCKind.Ephemeral);
        if (info.Index == 0)
            return "no ephemeral collection yet";
        var pause = info.PauseDurations.Length > 0 ? info.PauseDurations[0].TotalMilliseconds : 0;
        return $"last ephemeral (gen{info.Generation}): {pause:F1} ms, {info.PromotedBytes / 1048576.0:F1} MiB promoted, heap {info.HeapSizeBytes / 1048576.0:F0} MiB";
    }
}
