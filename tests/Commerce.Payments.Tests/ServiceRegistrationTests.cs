using Commerce.Payments.Watcher;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Commerce.Payments.Tests;

public sealed class ServiceRegistrationTests
{
    [Fact]
    public async Task Disabled_by_default_nothing_follows_the_chain()
    {
        using var host = Build([]);
        await host.StartAsync();
        Assert.DoesNotContain(host.Services.GetServices<IHostedService>(), s => s is CheckoutWatcher);
        Assert.False(host.Services.GetRequiredService<CheckoutWatcherStatus>().Current.Enabled);
        await host.StopAsync();
    }

    [Fact]
    public async Task Enabled_without_a_checkout_address_fails_at_start_naming_the_key()
    {
        using var host = Build(new() { ["Payments:Enabled"] = "true", ["Payments:RpcUrl"] = "http://127.0.0.1:8545/" });
        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());
        Assert.Contains("Payments:CheckoutAddress", error.ToString(), StringComparison.Ordinal);
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddCheckoutWatcher(builder.Configuration);
        return builder.Build();
    }
}
