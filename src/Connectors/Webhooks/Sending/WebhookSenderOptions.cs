using System.ComponentModel.DataAnnotations;

namespace Commerce.Connectors.Webhooks.Sending;

/// <summary>Retries and timeouts of outbound webhooks. Bound from "Webhooks:Sending".</summary>
public sealed class WebhookSenderOptions
{
    public const string Section = "Webhooks:Sending";

    /// <summary>Retries after the first attempt, on a connection error, a timeout, 408, 429 or a 5xx.</summary>
    [Range(0, 20)]
    public int MaxRetries { get; set; } = 5;

    /// <summary>The first backoff; each retry doubles it, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>No backoff is longer than this.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>One attempt's limit; the spec recommends giving receivers 15 to 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A Retry-After longer than this ends the delivery (not delivered) instead of waiting in process.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(5);
}
