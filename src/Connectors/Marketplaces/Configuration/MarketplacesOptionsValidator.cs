using System.Text.RegularExpressions;
using Commerce.Connectors.Webhooks;
using Microsoft.Extensions.Options;

namespace Commerce.Connectors.Marketplaces.Configuration;

/// <summary>Fails startup on a marketplace whose secrets or callback are unusable, naming the configuration key.</summary>
public sealed partial class MarketplacesOptionsValidator : IValidateOptions<MarketplacesOptions>
{
    public ValidateOptionsResult Validate(string? name, MarketplacesOptions options)
    {
        var errors = new List<string>();
        foreach (var (marketplace, settings) in options.Marketplaces)
        {
            var prefix = $"{MarketplacesOptions.Section}:{marketplace}";
            if (!Name().IsMatch(marketplace))
                errors.Add($"{prefix}: a marketplace name is lowercase letters, digits and dashes (it is a URL segment)");
            if (settings.Secrets.Count == 0)
                errors.Add($"{prefix}:Secrets needs at least one whsec_ secret");
            CheckSecrets(errors, $"{prefix}:Secrets", settings.Secrets);

            if (settings.CallbackUrl is not null)
            {
                if (!Uri.TryCreate(settings.CallbackUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
                    errors.Add($"{prefix}:CallbackUrl must be an absolute http or https URL");
                if (settings.CallbackSecrets.Count == 0)
                    errors.Add($"{prefix}:CallbackSecrets needs at least one whsec_ secret when CallbackUrl is set");
            }
            else if (settings.CallbackSecrets.Count > 0)
            {
                errors.Add($"{prefix}:CallbackUrl is required when CallbackSecrets are set");
            }
            CheckSecrets(errors, $"{prefix}:CallbackSecrets", settings.CallbackSecrets);
            for (var i = 0; i < settings.Collections.Count; i++)
            {
                if (options.PlatformCollections.Contains(settings.Collections[i]))
                    errors.Add($"{prefix}:Collections:{i} '{settings.Collections[i]}' is a collection the platform sells (Pricing:Collections): a marketplace may not report on it");
            }
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckSecrets(List<string> errors, string key, List<string> secrets)
    {
        for (var i = 0; i < secrets.Count; i++)
        {
            if (!WebhookSecret.TryParse(secrets[i], out _, out var error))
                errors.Add($"{key}:{i} {error} (a Standard Webhooks secret is whsec_ followed by base64 of {WebhookSecret.MinBytes} to {WebhookSecret.MaxBytes} bytes)");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex Name();
}
