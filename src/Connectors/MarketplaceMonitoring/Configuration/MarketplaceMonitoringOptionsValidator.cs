using System.Text.RegularExpressions;
using Commerce.Connectors.Ingestion;
using Microsoft.Extensions.Options;

namespace Commerce.Connectors.MarketplaceMonitoring.Configuration;

/// <summary>Checks the "MarketplaceMonitoring" section at start; each failure names its key.</summary>
public sealed partial class MarketplaceMonitoringOptionsValidator : IValidateOptions<MarketplaceMonitoringOptions>
{
    public ValidateOptionsResult Validate(string? name, MarketplaceMonitoringOptions o)
    {
        const string s = MarketplaceMonitoringOptions.Section;
        var failures = new List<string>();
        if (!Enum.IsDefined(o.Mode))
            failures.Add($"{s}:Mode: must be Off, Local or Live");
        if (!Slug().IsMatch(o.Marketplace))
            failures.Add($"{s}:Marketplace: lowercase letters, digits and dashes");
        if (o.Mode == ConnectorMode.Live)
        {
            if (!Uri.TryCreate(o.ApiUrl, UriKind.Absolute, out var api) || api.Scheme is not ("https" or "http"))
                failures.Add($"{s}:ApiUrl: must be an absolute http(s) URL in Live mode");
            if (o.Stream && (!Uri.TryCreate(o.StreamUrl, UriKind.Absolute, out var stream) || stream.Scheme is not ("wss" or "ws")))
                failures.Add($"{s}:StreamUrl: must be an absolute ws(s) URL in Live mode (or Stream false)");
            if (string.IsNullOrWhiteSpace(o.ApiKey))
                failures.Add($"{s}:ApiKey: is required in Live mode");
            if (o.Collections.Count == 0)
                failures.Add($"{s}:Collections: name at least one slug and its platform collection");
        }
        foreach (var (slug, collection) in o.Collections)
        {
            if (!Slug().IsMatch(slug) || !Slug().IsMatch(collection ?? ""))
                failures.Add($"{s}:Collections:{slug}: slug and collection are lowercase letters, digits and dashes");
        }
        if (o.PollInterval < TimeSpan.FromMilliseconds(10) || o.EventOverlap < TimeSpan.Zero || o.HeartbeatInterval < TimeSpan.FromMilliseconds(10))
            failures.Add($"{s}:PollInterval, EventOverlap, HeartbeatInterval: out of range");
        if (o.EventsPageSize is < 1 or > 200)
            failures.Add($"{s}:EventsPageSize: must be 1 to 200");
        if (o.ListingsPageSize is < 1 or > 100)
            failures.Add($"{s}:ListingsPageSize: must be 1 to 100");
        if (o.MaxRetries is < 0 or > 10)
            failures.Add($"{s}:MaxRetries: must be 0 to 10");
        if (o.Local.StreamDropShare is < 0 or > 1)
            failures.Add($"{s}:Local:StreamDropShare: must be 0 to 1");
        failures.AddRange(IngestionOptionsCheck.Failures($"{s}:Ingestion", o.Ingestion));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex Slug();
}
