using System.Numerics;
using Commerce.Chain.Crypto;
using Commerce.Host.Onchain;
using Commerce.Payments.Deposits;
using Microsoft.Extensions.Configuration;

namespace Commerce.Host.Tests;

/// <summary>What the chain-facing APIs read from configuration, and how they show amounts in step descriptions.</summary>
public sealed class ChainSettingsTests
{
    private const string Usdc = "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9";

    [Theory]
    [InlineData("12500000", Usdc, "12.5 USDC")]
    [InlineData("1000000", Usdc, "1 USDC")]
    [InlineData("1", Usdc, "0.000001 USDC")]
    [InlineData("10000000000000000", "0x0000000000000000000000000000000000000000", "0.01 ETH")]
    [InlineData("2500000000000000000", "0x0000000000000000000000000000000000000000", "2.5 ETH")]
    [InlineData("1", "0x0000000000000000000000000000000000000000", "0.000000000000000001 ETH")]
    [InlineData("7", "0x1111111111111111111111111111111111111111", "7 base units of 0x1111111111111111111111111111111111111111")]
    public void Amounts_are_shown_in_whole_units_of_their_currency(string baseUnits, string token, string expected)
    {
        using var settings = Settings(new() { ["Pricing:CheckoutAddress"] = "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0", ["Pricing:Currencies:USDC:Token"] = Usdc });

        Assert.Equal(expected, settings.Format(BigInteger.Parse(baseUnits), EthAddress.Parse(token)));
    }

    [Theory]
    [InlineData(nameof(ChainOptions.NftScanBlocksPerCall), 0)]
    [InlineData(nameof(ChainOptions.NftScanReorgBlocks), -1)]
    [InlineData(nameof(ChainOptions.BlockTimeSeconds), -1)]
    public void A_chain_option_out_of_range_is_refused_naming_its_key(string key, int value)
    {
        var options = new ChainOptions();
        typeof(ChainOptions).GetProperty(key)!.SetValue(options, value);
        var error = Assert.Throws<ArgumentException>(options.Validate);
        Assert.StartsWith($"Chain:{key} must be between", error.Message);
    }

    [Fact]
    public void The_nft_scan_ranges_come_from_the_chain_section()
    {
        using var settings = Settings(new() { ["Chain:NftScanBlocksPerCall"] = "500", ["Chain:NftScanReorgBlocks"] = "12" });
        Assert.Equal((500UL, 12UL), (settings.NftScanBlocksPerCall, settings.NftScanReorgBlocks));
        using var defaults = Settings(new());
        Assert.Equal((2_000UL, 64UL), (defaults.NftScanBlocksPerCall, defaults.NftScanReorgBlocks));
    }

    [Fact]
    public void No_chain_is_configured_while_the_checkout_is_the_zero_address()
    {
        using var settings = Settings(new() { ["Pricing:CheckoutAddress"] = "0x0000000000000000000000000000000000000000", ["Payments:Enabled"] = "true" });

        Assert.False(settings.IsConfigured);
        Assert.Null(settings.Node);
        Assert.Equal(["ETH"], settings.Currencies.Keys);
    }

    [Fact]
    public void Collections_and_currencies_without_a_contract_are_left_out_and_the_node_follows_the_watcher()
    {
        using var settings = Settings(new()
        {
            ["Pricing:CheckoutAddress"] = "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0",
            ["Pricing:Collections:dragons:Contract"] = "0x5FbDB2315678afecb367f032d93F642f64180aa3",
            ["Pricing:Collections:skins:Contract"] = "",
            ["Pricing:Currencies:EUR:Token"] = "",
            ["Payments:Enabled"] = "true",
            ["Payments:RpcUrl"] = "http://127.0.0.1:9/",
            ["Chain:RpcUrl"] = "http://127.0.0.1:10/",
        });

        Assert.True(settings.IsConfigured);
        Assert.Equal(["dragons"], settings.Collections.Keys);
        Assert.Equal(["ETH"], settings.Currencies.Keys);
        Assert.Equal("http://127.0.0.1:10/", settings.PublicRpcUrl);
        Assert.NotNull(settings.Node);
        Assert.Equal(new Uri("http://127.0.0.1:9/"), settings.NodeUrl);
    }

    private static ChainSettings Settings(Dictionary<string, string?> values) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), Microsoft.Extensions.Options.Options.Create(new DepositWatcherOptions()));
}
