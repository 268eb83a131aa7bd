using Commerce.Connectors.Marketplaces;
using Commerce.Connectors.Marketplaces.Api;
using Commerce.Connectors.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Commerce.Connectors.Tests.Marketplaces;

public sealed class MarketplaceConfigurationTests
{
    public static TheoryData<string, string?, string> BadSettings => new()
    {
        { "Marketplaces:opensea:Secrets:0", "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "Marketplaces:opensea:Secrets:0 does not start with whsec_" },
        { "Marketplaces:opensea:Secrets:0", "whsec_%%%", "Marketplaces:opensea:Secrets:0 is not whsec_ followed by valid base64" },
        { "Marketplaces:opensea:Secrets:0", "whsec_c2hvcnQ=", "Marketplaces:opensea:Secrets:0 decodes to 5 bytes" },
        { "Marketplaces:opensea:CallbackUrl", "ftp://example.invalid/hooks", "Marketplaces:opensea:CallbackUrl must be an absolute http or https URL" },
        { "Marketplaces:opensea:CallbackUrl", "https://example.invalid/hooks", "Marketplaces:opensea:CallbackSecrets needs at least one whsec_ secret" },
        { "Marketplaces:OpenSea_2:Secrets:0", SpecSecret, "Marketplaces:OpenSea_2: a marketplace name is lowercase letters, digits and dashes" },
        { "Marketplaces:blur:CallbackUrl", "https://example.invalid/hooks", "Marketplaces:blur:Secrets needs at least one whsec_ secret" },
        { "Marketplaces:opensea:Collections:0", "dragons", "Marketplaces:opensea:Collections:0 'dragons' is a collection the platform sells" },
        { "Webhooks:Receiving:TimestampTolerance", "02:00:00", "TimestampTolerance" },
        { "Webhooks:Dedupe:Capacity", "0", "Capacity" },
        { "Webhooks:Sending:MaxRetries", "99", "MaxRetries" },
    };

    private const string SpecSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task A_bad_setting_fails_startup_with_a_message_naming_its_key(string key, string? value, string expected)
    {
        await using var app = App(new()
        {
            ["Marketplaces:opensea:Secrets:0"] = SpecSecret,
            ["Pricing:Collections:dragons:Contract"] = "0x5FbDB2315678afecb367f032d93F642f64180aa3",
            [key] = value,
        });

        var thrown = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(expected, thrown.Message);
    }

    [Fact]
    public async Task Good_settings_start_and_every_marketplace_is_found_by_name()
    {
        var callback = WebhookSecret.Generate();
        await using var app = App(new()
        {
            ["Marketplaces:opensea:Secrets:0"] = SpecSecret,
            ["Marketplaces:opensea:Secrets:1"] = WebhookSecret.Generate().Serialize(),
            ["Marketplaces:opensea:CallbackUrl"] = "https://example.invalid/hooks",
            ["Marketplaces:opensea:CallbackSecrets:0"] = callback.Serialize(),
            ["Marketplaces:blur:Secrets"] = WebhookSecret.Generate().Serialize(),
        });

        await app.StartAsync();

        var directory = app.Services.GetRequiredService<MarketplaceDirectory>();
        Assert.Equal(["blur", "opensea"], directory.Names.Order());
        Assert.True(directory.TryGet("OpenSea", out var openSea));
        Assert.Equal("opensea", openSea.Name);
        Assert.Equal(new Uri("https://example.invalid/hooks"), openSea.Callback!.Url);
        Assert.Equal(callback.Serialize(), Assert.Single(openSea.Callback.Secrets).Serialize());
        Assert.True(directory.TryGet("blur", out var blur));
        Assert.Null(blur.Callback);
        Assert.False(directory.TryGet("rarible", out _));
        await app.StopAsync();
    }

    private static WebApplication App(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddMarketplaceConnectors(builder.Configuration);
        var app = builder.Build();
        app.MapMarketplaceWebhooks();
        return app;
    }
}
