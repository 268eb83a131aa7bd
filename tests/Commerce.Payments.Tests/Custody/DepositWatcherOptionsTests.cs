using Commerce.Actors.Runtime;
using Commerce.Chain.Crypto;
using Commerce.Payments.Deposits;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Commerce.Payments.Tests.Custody;

/// <summary>The "Deposits" section: checked at start naming the key, and by default following the executor's settings.</summary>
public sealed class DepositWatcherOptionsTests
{
    private static readonly EthPrivateKey HotKey = EthPrivateKey.FromHex("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");

    [Theory]
    [InlineData("CustodyAddress", "0x123", "CustodyAddress")]
    [InlineData("RpcUrl", "ftp://node", "RpcUrl")]
    [InlineData("Confirmations", "0", "Confirmations")]
    [InlineData("PollInterval", "00:00:00", "PollInterval")]
    [InlineData("MaxBlocksPerPass", "0", "MaxBlocksPerPass")]
    [InlineData("ReorgWindow", "0", "ReorgWindow")]
    public void A_bad_value_is_refused_naming_its_key(string key, string value, string named)
    {
        var options = Resolve(new() { ["Deposits:Enabled"] = "true", ["Deposits:CustodyAddress"] = HotKey.Address.ToString(), [$"Deposits:{key}"] = value });
        var error = Assert.ThrowsAny<Exception>(() => options.Value);
        Assert.Contains($"Deposits:{named}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void By_default_the_watcher_follows_the_executor_its_hot_wallet_and_its_node()
    {
        var options = Resolve(new()
        {
            ["Execution:Enabled"] = "true",
            ["Execution:RpcUrl"] = "http://127.0.0.1:9545/",
            ["Execution:HotWallet:PrivateKey"] = HotKey.ExportHex(),
        }).Value;
        Assert.Equal((true, HotKey.Address.ToString(), "http://127.0.0.1:9545/"), (options.Enabled, options.CustodyAddress, options.RpcUrl));
    }

    [Fact]
    public void Without_an_executor_or_when_switched_off_it_does_not_run()
    {
        Assert.False(Resolve([]).Value.Enabled);
        Assert.False(Resolve(new() { ["Execution:Enabled"] = "false", ["Execution:HotWallet:PrivateKey"] = HotKey.ExportHex() }).Value.Enabled);
        Assert.False(Resolve(new() { ["Execution:Enabled"] = "true", ["Execution:HotWallet:PrivateKey"] = HotKey.ExportHex(), ["Deposits:Enabled"] = "false" }).Value.Enabled);
    }

    [Fact]
    public void A_watcher_without_its_marking_key_does_not_start()
    {
        var options = Resolve(new()
        {
            ["Execution:Enabled"] = "true",
            ["Execution:HotWallet:PrivateKey"] = HotKey.ExportHex(),
            ["Custody:DepositKey"] = null,
        });
        Assert.Contains("Deposits:MarkKey", Assert.ThrowsAny<Exception>(() => options.Value).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_explicit_custody_address_and_node_win_over_the_executors()
    {
        var other = EthPrivateKey.Generate().Address.ToString();
        var options = Resolve(new()
        {
            ["Execution:Enabled"] = "true",
            ["Execution:RpcUrl"] = "http://127.0.0.1:9545/",
            ["Execution:HotWallet:PrivateKey"] = HotKey.ExportHex(),
            ["Deposits:CustodyAddress"] = other,
            ["Deposits:RpcUrl"] = "http://127.0.0.1:7545/",
        }).Value;
        Assert.Equal((other, "http://127.0.0.1:7545/"), (options.CustodyAddress, options.RpcUrl));
    }

    private static IOptions<DepositWatcherOptions> Resolve(Dictionary<string, string?> values)
    {
        values.TryAdd("Custody:DepositKey", Convert.ToBase64String(new byte[32]));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton(new OutboxSignal());
        services.AddDepositWatcher(configuration);
        return services.BuildServiceProvider().GetRequiredService<IOptions<DepositWatcherOptions>>();
    }
}
