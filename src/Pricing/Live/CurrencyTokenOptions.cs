namespace Commerce.Pricing.Live;

public sealed class CurrencyTokenOptions
{
    /// <summary>The currency's ERC-20 contract address; empty: the currency cannot be quoted.</summary>
    public string Token { get; set; } = "";
}
