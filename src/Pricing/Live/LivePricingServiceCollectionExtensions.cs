using System.Numerics;
using Commerce.Chain.Crypto;
using Commerce.Pricing.Policy;
using Commerce.Pricing.Signing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Commerce.Pricing.Live;

public static class LivePricingServiceCollectionExtensions
{
    /// <summary>
    /// The live pricing service from the "Pricing" section: policy, quote signer and the consumer group that turns
    /// interests and chat intents into signed offers. Needs the Kafka connection and producer (AddGrainPlatform).
    /// </summary>
    public static IServiceCollection AddLivePricing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LivePricingOptions>().Bind(configuration.GetSection(LivePricingOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LivePricingOptions>, LivePricingOptionsValidator>();
        if (!configuration.GetValue(LivePricingOptions.Section + ":" + nameof(LivePricingOptions.Enabled), true))
            return services;

        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<LivePricingOptions>>().Value;
            var policy = options.ResolvedPolicyFile is { } file ? PolicyLoader.LoadFile(file) : PolicyLoader.LoadDefault();
            return new LivePricingEngine(policy, options.MinOfferInterval);
        });
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<LivePricingOptions>>().Value;
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("Commerce.Pricing.Live");
            EthPrivateKey key;
            if (string.IsNullOrWhiteSpace(options.QuoteKey))
            {
                key = EthPrivateKey.Generate();
                logger.LogWarning("Pricing:QuoteKey is empty: quotes are signed by a random key generated for this run, {Address}", key.Address);
            }
            else
            {
                key = EthPrivateKey.FromHex(options.QuoteKey, "Pricing:QuoteKey");
            }

            var domain = new QuoteDomain(
                new BigInteger(options.ChainId),
                EthAddress.Parse(options.CheckoutAddress, "Pricing:CheckoutAddress"),
                options.Collections.Where(c => !string.IsNullOrEmpty(c.Value.Contract))
                    .ToDictionary(c => c.Key, c => EthAddress.Parse(c.Value.Contract, $"Pricing:Collections:{c.Key}:Contract"), StringComparer.Ordinal),
                options.Currencies.Where(c => !string.IsNullOrEmpty(c.Value.Token))
                    .ToDictionary(c => c.Key, c => EthAddress.Parse(c.Value.Token, $"Pricing:Currencies:{c.Key}:Token"), StringComparer.Ordinal));
            var policy = sp.GetRequiredService<LivePricingEngine>().Policy;
            foreach (var collection in policy.Collections.Values)
            {
                if (domain.TokenOf(collection.Currency.Code) is null)
                    logger.LogWarning("Collection {Collection} is priced in {Currency}, which has no token contract (Pricing:Currencies:{Currency}:Token): its items are left out of offers", collection.Name, collection.Currency.Code, collection.Currency.Code);
            }

            return new Eip712QuoteSigner(key, domain);
        });
        services.AddHostedService<LivePricingHost>();
        return services;
    }
}
