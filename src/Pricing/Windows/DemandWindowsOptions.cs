namespace Commerce.Pricing.Windows;

/// <summary>The three sliding windows demand is counted over, and how late an event may arrive and still count.</summary>
public sealed record DemandWindowsOptions
{
    public TimeSpan Short { get; init; } = TimeSpan.FromMinutes(1);

    public TimeSpan Medium { get; init; } = TimeSpan.FromMinutes(15);

    public TimeSpan Long { get; init; } = TimeSpan.FromHours(1);

    /// <summary>An event older than the watermark minus this is dropped (and counted as late).</summary>
    public TimeSpan AllowedLateness { get; init; } = TimeSpan.FromSeconds(30);

    public DemandWindowsOptions Validate()
    {
        if (Short <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Short), Short, "DemandWindowsOptions.Short must be more than 0.");
        }

        if (Medium < Short)
        {
            throw new ArgumentOutOfRangeException(nameof(Medium), Medium, "DemandWindowsOptions.Medium must be at least Short.");
        }

        if (Long < Medium)
        {
            throw new ArgumentOutOfRangeException(nameof(Long), Long, "DemandWindowsOptions.Long must be at least Medium.");
        }

        if (AllowedLateness < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(AllowedLateness), AllowedLateness, "DemandWindowsOptions.AllowedLateness must not be negative.");
        }

        return this;
    }
}
