namespace Commerce.Actors.Runtime;

/// <summary>Bound from the "Grains" configuration section.</summary>
public sealed class GrainRuntimeOptions
{
    public const string Section = "Grains";

    /// <summary>A grain that has handled nothing for this long leaves memory (Orleans' collection age); its state stays stored.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(5);
}
