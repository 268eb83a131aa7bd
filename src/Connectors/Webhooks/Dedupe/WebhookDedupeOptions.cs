using System.ComponentModel.DataAnnotations;

namespace Commerce.Connectors.Webhooks.Dedupe;

/// <summary>Bounds of the in-memory webhook id store. Bound from "Webhooks:Dedupe".</summary>
public sealed class WebhookDedupeOptions : IValidatableObject
{
    public const string Section = "Webhooks:Dedupe";

    /// <summary>The most ids remembered; past it the oldest are forgotten first.</summary>
    [Range(1, 10_000_000)]
    public int Capacity { get; set; } = 100_000;

    /// <summary>How long a processed id is remembered. Senders retry for hours, so this outlives the timestamp tolerance.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a claim may stay unfinished before another delivery of the id may take it over (past the producer's delivery timeout).</summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(3);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ClaimTimeout <= TimeSpan.Zero)
            yield return new ValidationResult($"{Section}:ClaimTimeout must be positive", [nameof(ClaimTimeout)]);
        if (Retention < ClaimTimeout)
            yield return new ValidationResult($"{Section}:Retention must be at least ClaimTimeout", [nameof(Retention)]);
    }
}
