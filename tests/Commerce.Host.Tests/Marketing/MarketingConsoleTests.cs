using System.Text.RegularExpressions;
using Commerce.Chain.Crypto;
using Commerce.Host.Auth;
using Commerce.Host.Embedded;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Commerce.Host.Tests.Marketing;

/// <summary>
/// The marketing console in a real browser (Playwright for .NET driving Debian's Chromium, never a downloaded one)
/// against the platform on its dev chain: sign in by the link, create a campaign with a rule, see the players matching
/// now, start it, and see the deliveries confirmed on chain appear in the log and the chart.
/// </summary>
public sealed class MarketingConsoleTests(ChainPlatformFixture platform) : IClassFixture<ChainPlatformFixture>
{
    /// <summary>Debian's Chromium (scripts/install-deps.sh installs it); COMMERCE_CHROMIUM overrides.</summary>
    private static string Chromium => Environment.GetEnvironmentVariable("COMMERCE_CHROMIUM") ?? "/usr/bin/chromium";

    private const float Timeout = 90_000;

    [Fact]
    public async Task Marketing_signs_in_creates_a_campaign_with_a_rule_sees_who_matches_starts_it_and_watches_deliveries_arrive()
    {
        Assert.True(File.Exists(Chromium), $"Chromium at {Chromium} (apt-get install chromium; scripts/install-deps.sh does)");
        var (player, playerId) = await platform.SignInAsync(EthPrivateKey.Generate());
        (await player.PostAsync("/api/me/interests", System.Net.Http.Json.JsonContent.Create(new { itemId = "skins:10", dwellSeconds = 42.0 }))).EnsureSuccessStatusCode();
        var contract = platform.Chain.Collections["dragons"].Address.ToString();
        var token = platform.Services.GetRequiredService<TokenService>().Issue("maria@studio", Roles.Marketing).Token;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = platform.BaseUrl });
        page.SetDefaultTimeout(Timeout);
        var consoleErrors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") consoleErrors.Add(message.Text); };
        page.PageError += (_, error) => consoleErrors.Add(error);

        await page.GotoAsync($"/marketing/sign-in#token={token}");
        await page.WaitForURLAsync("**/marketing");
        await page.GetByRole(AriaRole.Link, new() { Name = "New campaign" }).First.ClickAsync();

        await page.GetByLabel("Id", new() { Exact = true }).FillAsync("browser-drop");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Skins for the curious");
        await page.GetByLabel("Collection", new() { Exact = true }).FillAsync("dragons");
        await page.GetByLabel("GameItem contract", new() { Exact = true }).FillAsync(contract);
        await page.GetByLabel("Targeting rule (CEL)", new() { Exact = true }).FillAsync("'skins:10' in interests && dwellSeconds >= 40.0 && levle > 1");
        await Assertions.Expect(page.Locator("#rule-error")).ToContainTextAsync("unknown variable 'levle'", new() { Timeout = Timeout });
        await page.GetByLabel("Targeting rule (CEL)", new() { Exact = true }).FillAsync("'skins:10' in interests && dwellSeconds >= 40.0");
        await Assertions.Expect(page.Locator("#matching-count")).ToHaveTextAsync(new Regex("^[1-9][0-9]*$"), new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator("#matching-sample")).ToContainTextAsync(playerId, new() { Timeout = Timeout });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await page.WaitForURLAsync("**/marketing/campaigns/browser-drop");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start now" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Running", new() { Timeout = Timeout });
        var row = page.Locator("#deliveries tbody tr", new() { HasText = playerId });
        await Assertions.Expect(row).ToContainTextAsync("Delivered", new() { Timeout = Timeout });
        await Assertions.Expect(row).ToContainTextAsync(new Regex("0x[0-9a-f]{64}"), new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator("#campaign")).ToHaveAttributeAsync("data-chart-points", new Regex("^[1-9][0-9]*$"), new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator("#delivered")).Not.ToHaveTextAsync("0", new() { Timeout = Timeout });

        // Keyboard: the actions are reachable by Tab and work with Enter.
        await page.Locator("button[data-action=pause]").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync(new Regex("Paused|Finished"), new() { Timeout = Timeout });

        var owner = await platform.Chain.Collections["dragons"].OwnerOfAsync(System.Numerics.BigInteger.Parse(
            (await platform.Services.GetRequiredService<Commerce.Marketing.Targeting.CampaignCatalog>().RecipientsAsync("browser-drop", null, 1000, CancellationToken.None))
                .Single(r => r.Wallet == playerId).TokenIds[0]));
        Assert.Equal(playerId, owner.ToString().ToLowerInvariant());
        Assert.Empty(consoleErrors);
    }
}
