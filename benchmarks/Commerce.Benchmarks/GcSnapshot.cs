namespace Commerce.Benchmarks;

/// <summary>Collections per generation and time paused, so a phase can report what the GC took from it.</summary>
internal readonly record struct GcSnapshot(int Gen0, int Gen1, int Gen2, TimeSpan Paused)
{
    public static GcSnapshot Take() =>
        new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());

    public static GcSnapshot operator -(GcSnapshot after, GcSnapshot before) =>
        new(after.Gen0 - before.Gen0, after.Gen1 - before.Gen1, after.Gen2 - before.Gen2, after.Paused - before.Paused);

    public override string ToString() =>
        $"{Gen0} gen0, {Gen1} gen1, {Gen2} gen2 (counts include the older generations' own), {Paused.TotalMilliseconds:F0} ms paused in all";
}
