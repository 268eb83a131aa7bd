using Commerce.Connectors.Ingestion;
using Microsoft.Extensions.Options;

namespace Commerce.Connectors.Crm.Configuration;

/// <summary>Checks the "Crm" section at start; each failure names its key.</summary>
public sealed class CrmOptionsValidator : IValidateOptions<CrmOptions>
{
    public ValidateOptionsResult Validate(string? name, CrmOptions o)
    {
        var failures = new List<string>();
        if (!Enum.IsDefined(o.Mode))
            failures.Add("Crm:Mode: must be Off, Local or Live");
        if (o.Mode == ConnectorMode.Live)
        {
            RequireUrl(failures, "Crm:LoginUrl", o.LoginUrl);
            RequireUrl(failures, "Crm:InstanceUrl", o.InstanceUrl);
            if (string.IsNullOrWhiteSpace(o.ClientId))
                failures.Add("Crm:ClientId: is required in Live mode");
            if (string.IsNullOrWhiteSpace(o.ClientSecret))
                failures.Add("Crm:ClientSecret: is required in Live mode");
        }
        if (!System.Text.RegularExpressions.Regex.IsMatch(o.ApiVersion, @"^\d{2,3}\.\d$"))
            failures.Add($"Crm:ApiVersion: '{o.ApiVersion}' is not a version like 62.0");
        foreach (var (key, value) in new[] { ("Crm:Entity", o.Entity), ("Crm:WalletField", o.WalletField), ("Crm:TierField", o.TierField), ("Crm:LifetimeValueField", o.LifetimeValueField) })
        {
            if (!System.Text.RegularExpressions.Regex.IsMatch(value ?? "", "^[A-Za-z][A-Za-z0-9_]{0,79}$"))
                failures.Add($"{key}: '{value}' is not an API name");
        }
        if (o.QueryBatchSize is < 200 or > 2_000)
            failures.Add("Crm:QueryBatchSize: must be 200 to 2000");
        if (o.KnownAccounts is < 1 or > 10_000_000)
            failures.Add("Crm:KnownAccounts: must be 1 to 10000000");
        if (o.AttemptTimeout <= TimeSpan.Zero || o.LongPollTimeout <= TimeSpan.Zero)
            failures.Add("Crm:AttemptTimeout, Crm:LongPollTimeout: must be positive");
        if (o.MaxRetries is < 0 or > 10)
            failures.Add("Crm:MaxRetries: must be 0 to 10");
        if (o.Local.Port is < 0 or > 65535)
            failures.Add("Crm:Local:Port: must be 0 to 65535");
        if (o.Local.ChangeInterval <= TimeSpan.Zero || o.Local.LongPollHold <= TimeSpan.Zero)
            failures.Add("Crm:Local:ChangeInterval, Crm:Local:LongPollHold: must be positive");
        if (o.Mode == ConnectorMode.Local && o.Local.SeedFile is { Length: > 0 } seed && !File.Exists(seed))
            failures.Add($"Crm:Local:SeedFile: '{seed}' does not exist");
        failures.AddRange(IngestionOptionsCheck.Failures("Crm:Ingestion", o.Ingestion));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void RequireUrl(List<string> failures, string key, string? value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            failures.Add($"{key}: must be an absolute http(s) URL in Live mode");
    }
}
