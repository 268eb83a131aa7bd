using System.ComponentModel.DataAnnotations;

namespace Commerce.Connectors.Ingestion;

/// <summary>How a connector's pipeline batches, throttles and restarts (each connector has its own section: "Crm:Ingestion", ...).</summary>
public sealed class IngestionOptions
{
    /// <summary>Most records published and recorded as one batch.</summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 2_000;

    /// <summary>Longest a batch waits to fill.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan BatchWindow { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Requests per second a source may make to the service (its published limit).</summary>
    [Range(1, 100_000)]
    public int RequestsPerSecond { get; set; } = 20;

    /// <summary>Requests a source may make at once after being idle.</summary>
    [Range(1, 1_000)]
    public int RequestBurst { get; set; } = 5;

    /// <summary>First wait before a failed source or pipeline starts again; doubled up to <see cref="MaxBackoff"/>, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan MinBackoff { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(60);
}
