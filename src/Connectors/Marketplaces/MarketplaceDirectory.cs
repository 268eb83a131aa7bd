using System.Diagnostics.CodeAnalysis;
using Commerce.Connectors.Marketplaces.Configuration;
using Commerce.Connectors.Webhooks;
using Commerce.Connectors.Webhooks.Sending;
using Microsoft.Extensions.Options;

namespace Commerce.Connectors.Marketplaces;

/// <summary>The marketplaces of the configuration, looked up by name (case-insensitively).</summary>
public sealed class MarketplaceDirectory
{
    private readonly Dictionary<string, Marketplace> _byName = new(StringComparer.OrdinalIgnoreCase);

    public MarketplaceDirectory(IOptions<MarketplacesOptions> marketplaces, IOptions<WebhookReceiverOptions> receiving, TimeProvider clock)
    {
        foreach (var (name, options) in marketplaces.Value.Marketplaces)
        {
            var verifier = new WebhookVerifier(options.Secrets.Select(WebhookSecret.Parse), clock, receiving.Value.TimestampTolerance);
            var callback = options.CallbackUrl is null
                ? null
                : new WebhookDestination(new Uri(options.CallbackUrl), options.CallbackSecrets.Select(WebhookSecret.Parse).ToArray());
            _byName[name] = new Marketplace(name.ToLowerInvariant(), verifier, callback)
            {
                Collections = options.Collections.ToHashSet(StringComparer.Ordinal),
            };
        }
    }

    public IReadOnlyCollection<string> Names => _byName.Keys;

    public IReadOnlyCollection<Marketplace> All => _byName.Values;

    public bool TryGet(string name, [NotNullWhen(true)] out Marketplace? marketplace) => _byName.TryGetValue(name, out marketplace);
}
