using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Commerce.Host.Auth;
using Commerce.Testing;

namespace Commerce.Host.Tests.Marketing;

/// <summary>Marketing's REST API: campaigns, their states, the rule check with its count of players matching now.</summary>
public sealed class MarketingApiTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private static object Campaign(string id, string rule, int supplyCap = 50) => new
    {
        id, name = "Winter drop", collection = "dragons", contract = "0x5fbdb2315678afecb367f032d93f642f64180aa3",
        quantity = 1, supplyCap, gasBudget = 10_000_000, rule,
    };

    [Fact]
    public async Task A_rule_is_checked_with_its_position_and_a_valid_one_counts_the_players_matching_now()
    {
        var (player, playerId, _) = await platform.SignInAsync();
        Assert.Equal(HttpStatusCode.Accepted, (await player.PostAsJsonAsync("/api/me/interests", new { itemId = "dragons:1", dwellSeconds = 12.5 })).StatusCode);
        using var marketing = platform.StaffClient(Roles.Marketing);

        var bad = await (await marketing.PostAsJsonAsync("/api/marketing/rules/check", new { rule = "tier == 'gold' && levle > 1" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(bad.GetProperty("valid").GetBoolean());
        var error = bad.GetProperty("errors")[0];
        Assert.Equal((18, 1, 19), (error.GetProperty("position").GetInt32(), error.GetProperty("line").GetInt32(), error.GetProperty("column").GetInt32()));

        JsonElement good = default;
        await Eventually.Until(async () =>
        {
            good = await (await marketing.PostAsJsonAsync("/api/marketing/rules/check", new { rule = "'dragons:1' in interests && dwellSeconds >= 12.5" }))
                .Content.ReadFromJsonAsync<JsonElement>();
            return good.GetProperty("sample").EnumerateArray().Any(w => w.GetString() == playerId);
        }, Deadline, () => $"the player {playerId} among the matching sample (last answer: {good})");
        Assert.True(good.GetProperty("matching").GetInt32() >= 1);
        Assert.True(good.GetProperty("players").GetInt32() >= good.GetProperty("matching").GetInt32());
    }

    [Fact]
    public async Task A_campaign_is_created_edited_at_its_version_started_and_paused_and_bad_input_names_its_field()
    {
        using var marketing = platform.StaffClient(Roles.Marketing);

        var badRule = await marketing.PostAsJsonAsync("/api/marketing/campaigns", Campaign("api-bad", "tier >"));
        var problem = await badRule.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.BadRequest, badRule.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("rule", out _));
        Assert.Equal(6, problem.GetProperty("position").GetInt32());
        var missing = await marketing.PostAsJsonAsync("/api/marketing/campaigns", new { id = "api-missing", name = "x" });
        Assert.True((await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("collection", out _));

        var created = await marketing.PostAsJsonAsync("/api/marketing/campaigns", Campaign("api-drop", "tier == 'gold'"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/marketing/campaigns/api-drop", created.Headers.Location?.OriginalString);
        var edited = await marketing.PutAsJsonAsync("/api/marketing/campaigns/api-drop", new { version = 1, name = "Winter drop", collection = "dragons",
            contract = "0x5fbdb2315678afecb367f032d93f642f64180aa3", quantity = 1, supplyCap = 80, gasBudget = 10_000_000, rule = "tier == 'gold'" });
        var stale = await marketing.PutAsJsonAsync("/api/marketing/campaigns/api-drop", new { version = 1, name = "Old", collection = "dragons",
            contract = "0x5fbdb2315678afecb367f032d93f642f64180aa3", quantity = 1, supplyCap = 90, gasBudget = 10_000_000, rule = "true" });
        var started = await marketing.PostAsync("/api/marketing/campaigns/api-drop/start", null);
        var paused = await marketing.PostAsync("/api/marketing/campaigns/api-drop/pause", null);
        var pausedAgain = await marketing.PostAsync("/api/marketing/campaigns/api-drop/pause", null);
        var view = await marketing.GetFromJsonAsync<JsonElement>("/api/marketing/campaigns/api-drop");
        var list = await marketing.GetFromJsonAsync<JsonElement>("/api/marketing/campaigns");

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, pausedAgain.StatusCode);
        Assert.Equal("Paused", view.GetProperty("status").GetString());
        Assert.Equal(80, view.GetProperty("supplyCap").GetInt32());
        var edits = view.GetProperty("edits").EnumerateArray().ToList();
        Assert.Equal(["created", "edited", "started", "paused"], edits.Select(e => e.GetProperty("action").GetString()));
        Assert.All(edits, e => Assert.Equal("marketing-test", e.GetProperty("by").GetString()));
        Assert.Contains(list.EnumerateArray(), c => c.GetProperty("id").GetString() == "api-drop");
        Assert.Equal(HttpStatusCode.NotFound, (await marketing.GetAsync("/api/marketing/campaigns/none-such")).StatusCode);
    }

    [Fact]
    public async Task A_started_campaign_backfills_the_current_players_and_claims_each_once()
    {
        var (_, playerId, _) = await platform.SignInAsync();
        using var marketing = platform.StaffClient(Roles.Marketing);
        // Every player matches: the backfill hands this one (among all the fixture's players) to the campaign.
        Assert.Equal(HttpStatusCode.Created, (await marketing.PostAsJsonAsync("/api/marketing/campaigns", Campaign("api-backfill", "true"))).StatusCode);
        await Eventually.Until(async () => (await platform.Store.LoadStateAsync("player-session", playerId, CancellationToken.None)) is not null,
            Deadline, () => $"the session of {playerId} to be stored");

        Assert.Equal(HttpStatusCode.OK, (await marketing.PostAsync("/api/marketing/campaigns/api-backfill/start", null)).StatusCode);

        JsonElement deliveries = default;
        await Eventually.Until(async () =>
        {
            deliveries = await marketing.GetFromJsonAsync<JsonElement>($"/api/marketing/campaigns/api-backfill/deliveries?limit=1000");
            return deliveries.EnumerateArray().Any(d => d.GetProperty("wallet").GetString() == playerId);
        }, Deadline, () => $"a delivery row for {playerId} (rows: {deliveries})");
        var view = await marketing.GetFromJsonAsync<JsonElement>("/api/marketing/campaigns/api-backfill");
        Assert.True(view.GetProperty("backfilled").GetBoolean() || view.GetProperty("pending").GetInt32() > 0);
        Assert.Equal(deliveries.GetArrayLength(), deliveries.EnumerateArray().Select(d => d.GetProperty("wallet").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task Only_marketing_and_admin_tokens_reach_the_marketing_api_and_the_openapi_document_lists_it()
    {
        using var operators = platform.StaffClient(Roles.Operator);
        var (player, _, _) = await platform.SignInAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await operators.GetAsync("/api/marketing/campaigns")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await player.GetAsync("/api/marketing/campaigns")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await platform.Http.GetAsync("/api/marketing/campaigns")).StatusCode);
        var document = await platform.Http.GetStringAsync("/openapi/v1.json");
        foreach (var path in new[] { "/api/marketing/campaigns", "/api/marketing/campaigns/{id}/pause", "/api/marketing/campaigns/{id}/deliveries", "/api/marketing/rules/check" })
            Assert.Contains($"\"{path}\"", document);
    }
}
