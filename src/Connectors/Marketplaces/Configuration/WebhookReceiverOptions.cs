using System.ComponentModel.DataAnnotations;

namespace Commerce.Connectors.Marketplaces.Configuration;

/// <summary>How inbound webhooks are checked. Bound from "Webhooks:Receiving".</summary>
public sealed class WebhookReceiverOptions
{
    public const string Section = "Webhooks:Receiving";

    /// <summary>How far webhook-timestamp may be from now, either way, before a webhook is refused as a replay.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan TimestampTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The largest body accepted; the spec recommends payloads well under 20 KB.</summary>
    [Range(1024, 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 64 * 1024;
}
