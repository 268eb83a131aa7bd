using Commerce.Pricing.Amounts;

namespace Commerce.Pricing.Tests.Support;

internal static class Wei
{
    /// <summary>"0.05" ETH in wei.</summary>
    public static Int128 Eth(string amount) => Money.Parse(amount, Currency.Eth).BaseUnits;
}
