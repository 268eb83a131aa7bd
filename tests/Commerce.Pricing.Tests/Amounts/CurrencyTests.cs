using Commerce.Pricing.Amounts;

namespace Commerce.Pricing.Tests.Amounts;

public class CurrencyTests
{
    [Theory]
    [InlineData("ETH", 18, "0.05", "50000000000000000")]
    [InlineData("ETH", 18, "1", "1000000000000000000")]
    [InlineData("ETH", 18, "0.000000000000000001", "1")]
    [InlineData("ETH", 18, "123.450", "123450000000000000000")]
    [InlineData("USDC", 6, "25", "25000000")]
    [InlineData("USDC", 6, "0.01", "10000")]
    [InlineData("USDC", 6, ".5", "500000")]
    public void Amounts_parse_exactly_into_base_units(string code, int decimals, string text, string expected)
    {
        var currency = new Currency(code, decimals);

        Assert.True(currency.TryParse(text, out var units, out var error), error);
        Assert.Equal(Int128.Parse(expected), units);
    }

    [Theory]
    [InlineData("0.0000001", "has more than 6 decimals for USDC")]
    [InlineData("-1", "must be a non-negative decimal number")]
    [InlineData("1e3", "must be a non-negative decimal number")]
    [InlineData("", "must be a non-negative decimal number")]
    [InlineData("1.2.3", "must be a non-negative decimal number")]
    public void Bad_amounts_are_rejected_with_the_reason(string text, string reason)
    {
        Assert.False(Currency.Usdc.TryParse(text, out _, out var error));
        Assert.Equal(reason, error);
    }

    [Theory]
    [InlineData("50000000000000000", "0.05")]
    [InlineData("1000000000000000000", "1")]
    [InlineData("-1", "-0.000000000000000001")]
    public void Base_units_format_as_whole_units(string units, string expected) =>
        Assert.Equal(expected, Currency.Eth.Format(Int128.Parse(units)));

    [Fact]
    public void Money_prints_amount_and_code() =>
        Assert.Equal("25.5 USDC", Money.Parse("25.50", Currency.Usdc).ToString());
}
