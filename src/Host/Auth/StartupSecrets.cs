using Microsoft.Extensions.Options;

namespace Commerce.Host.Auth;

/// <summary>
/// Outside the embedded demo (Kafka not embedded) the host is not even built without its secrets, and says which
/// setting is missing: <c>Auth:SigningKey</c>, <c>Pricing:QuoteKey</c> (quotes are signed and orders checked with it), and
/// with <c>Execution:Enabled</c> the hot wallet (<c>Execution:HotWallet:PrivateKey</c> or <c>:KeystorePath</c>). It runs
/// before anything starts (the silo, Kafka clients). Messages name settings, never values.
/// </summary>
public static class StartupSecrets
{
    public const string SigningKeyMissing = "Auth:SigningKey: is required outside the embedded demo (base64, at least 32 bytes)";

    /// <summary>Throws <see cref="OptionsValidationException"/> listing every missing or malformed secret.</summary>
    public static void Check(IConfiguration configuration)
    {
        var errors = new List<string>();
        var signingKey = configuration["Auth:SigningKey"];
        if (!string.IsNullOrWhiteSpace(signingKey) && AuthKeys.TryDecode(signingKey).Error is { } bad)
            errors.Add($"Auth:SigningKey: {bad}");
        foreach (var previous in configuration.GetSection("Auth:PreviousSigningKeys").GetChildren())
        {
            if (AuthKeys.TryDecode(previous.Value ?? "").Error is { } badPrevious)
                errors.Add($"Auth:PreviousSigningKeys:{previous.Key}: {badPrevious}");
        }
        if (!string.IsNullOrWhiteSpace(configuration["Kafka:BootstrapServers"]))
        {
            if (string.IsNullOrWhiteSpace(signingKey))
                errors.Add(SigningKeyMissing);
            if (string.IsNullOrWhiteSpace(configuration["Pricing:QuoteKey"]))
                errors.Add("Pricing:QuoteKey: is required outside the embedded demo (the key quotes are signed and orders checked with)");
            if (configuration.GetValue<bool>("Execution:Enabled") && string.IsNullOrWhiteSpace(configuration["Execution:HotWallet:PrivateKey"])
                && string.IsNullOrWhiteSpace(configuration["Execution:HotWallet:KeystorePath"]))
                errors.Add("Execution:HotWallet:PrivateKey (or Execution:HotWallet:KeystorePath): is required outside the embedded demo when Execution:Enabled");
        }
        if (errors.Count > 0)
            throw new OptionsValidationException(AuthOptions.Section, typeof(AuthOptions), errors);
    }
}
