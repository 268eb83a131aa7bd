using Commerce.Chain.Crypto;
using Commerce.Messaging.Configuration;
using Commerce.Pricing.Policy;
using Microsoft.Extensions.Options;

namespace Commerce.Pricing.Live;

/// <summary>Refuses to start with a bad key, address or policy, naming the configuration key at fault.</summary>
public sealed class LivePricingOptionsValidator(IOptions<KafkaOptions> kafka) : IValidateOptions<LivePricingOptions>
{
    public ValidateOptionsResult Validate(string? name, LivePricingOptions options)
    {
        if (!options.Enabled)
            return ValidateOptionsResult.Success;
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.QuoteKey))
        {
            if (!kafka.Value.IsEmbedded)
                errors.Add("Pricing:QuoteKey: is required when Kafka is not embedded");
        }
        else
        {
            try
            {
                EthPrivateKey.FromHex(options.QuoteKey, "Pricing:QuoteKey");
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException)
            {
                errors.Add($"Pricing:QuoteKey: is not a 32-byte 0x-hex private key ({ex.Message})");
            }
        }

        if (!EthAddress.TryParse(options.CheckoutAddress, out _))
            errors.Add($"Pricing:CheckoutAddress: '{options.CheckoutAddress}' is not an address");
        if (options.ChainId <= 0)
            errors.Add("Pricing:ChainId: must be positive");
        if (options.MaxQuoteLifetime < TimeSpan.FromSeconds(1) || options.MaxQuoteLifetime > TimeSpan.FromDays(1))
            errors.Add("Pricing:MaxQuoteLifetime: must be between 00:00:01 and 1.00:00:00");
        if (options.MinOfferInterval < TimeSpan.Zero)
            errors.Add("Pricing:MinOfferInterval: must not be negative");
        foreach (var (collection, contract) in options.Collections)
        {
            if (!string.IsNullOrEmpty(contract.Contract) && !EthAddress.TryParse(contract.Contract, out _))
                errors.Add($"Pricing:Collections:{collection}:Contract: '{contract.Contract}' is not an address");
        }

        foreach (var (currency, token) in options.Currencies)
        {
            if (!string.IsNullOrEmpty(token.Token) && !EthAddress.TryParse(token.Token, out _))
                errors.Add($"Pricing:Currencies:{currency}:Token: '{token.Token}' is not an address");
        }

        if (options.ResolvedPolicyFile is { } policyFile)
        {
            if (!File.Exists(policyFile))
                errors.Add($"Pricing:PolicyFile: {policyFile} does not exist");
            else
            {
                try
                {
                    PolicyLoader.LoadFile(policyFile);
                }
                catch (PolicyValidationException ex)
                {
                    errors.Add($"Pricing:PolicyFile: {ex.Message}");
                }
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
