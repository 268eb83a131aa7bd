using System.ComponentModel.DataAnnotations;

namespace Commerce.Actors.Runtime;

/// <summary>Bound from the "Grains" configuration section.</summary>
public sealed class GrainRuntimeOptions
{
    public const string Section = "Grains";

    /// <summary>A grain that has handled nothing for this long is dropped from memory (its state stays in the store).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The most grains kept in memory per partition; the least recently used go first.</summary>
    [Range(16, 10_000_000)]
    public int MaxActivationsPerPartition { get; set; } = 20_000;

    /// <summary>How many times a message is tried on a grain before it is dead-lettered.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Processed event ids kept for dedupe (at least the input topics' retention).</summary>
    public TimeSpan DedupeRetention { get; set; } = TimeSpan.FromDays(7);
}
