using Microsoft.Extensions.Configuration;

namespace Commerce.Connectors.Marketplaces.Configuration;

/// <summary>
/// Every marketplace we take webhooks from, by name (the configuration key, which is also the
/// {marketplace} route segment), from the "Marketplaces" section.
/// </summary>
public sealed class MarketplacesOptions
{
    public const string Section = "Marketplaces";

    public Dictionary<string, MarketplaceOptions> Marketplaces { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The collections the platform sells itself (the names under Pricing:Collections): no marketplace reports on them.</summary>
    public HashSet<string> PlatformCollections { get; } = new(StringComparer.Ordinal);

    /// <summary>Reads the section; a single "Secrets" (or "CallbackSecrets") value is taken as a one-secret list.</summary>
    public void Bind(IConfiguration configuration)
    {
        foreach (var child in configuration.GetSection(Section).GetChildren())
        {
            var marketplace = child.Get<MarketplaceOptions>() ?? new MarketplaceOptions();
            if (child[nameof(MarketplaceOptions.Secrets)] is { Length: > 0 } one)
                marketplace.Secrets = [one];
            if (child[nameof(MarketplaceOptions.CallbackSecrets)] is { Length: > 0 } callbackOne)
                marketplace.CallbackSecrets = [callbackOne];
            Marketplaces[child.Key] = marketplace;
        }
        foreach (var collection in configuration.GetSection("Pricing:Collections").GetChildren())
            PlatformCollections.Add(collection.Key);
    }
}
