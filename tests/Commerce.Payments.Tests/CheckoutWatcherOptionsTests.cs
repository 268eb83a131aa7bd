using Commerce.Payments.Options;

namespace Commerce.Payments.Tests;

public sealed class CheckoutWatcherOptionsTests
{
    private static CheckoutWatcherOptions Valid() => new()
    {
        Enabled = true,
        CheckoutAddress = "0x5FbDB2315678afecb367f032d93F642f64180aa3",
        RpcUrl = "http://127.0.0.1:8545/",
    };

    [Fact]
    public void Disabled_watcher_needs_no_checkout() => new CheckoutWatcherOptions().Validate();

    [Fact]
    public void Defaults_with_a_checkout_are_valid()
    {
        var options = Valid();
        options.Validate();
        Assert.Equal(2, options.Confirmations);
    }

    [Theory]
    [InlineData("CheckoutAddress", "")]
    [InlineData("CheckoutAddress", "0x1234")]
    [InlineData("RpcUrl", "ftp://node/")]
    [InlineData("RpcUrl", "not a url")]
    [InlineData("Confirmations", "0")]
    [InlineData("PollInterval", "00:00:00")]
    [InlineData("MaxBlockRange", "0")]
    [InlineData("ReorgWindow", "0")]
    public void Bad_value_is_refused_naming_its_key(string key, string value)
    {
        var options = Valid();
        switch (key)
        {
            case "CheckoutAddress": options.CheckoutAddress = value; break;
            case "RpcUrl": options.RpcUrl = value; break;
            case "Confirmations": options.Confirmations = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "PollInterval": options.PollInterval = TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "MaxBlockRange": options.MaxBlockRange = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "ReorgWindow": options.ReorgWindow = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
        }
        var error = Assert.Throws<ArgumentException>(options.Validate);
        Assert.StartsWith($"Payments:{key} ", error.Message);
        Assert.Equal(key, error.ParamName);
    }
}
