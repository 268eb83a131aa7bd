using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Commerce.Host.Auth;
using Commerce.Pricing.Live;
using Commerce.Pricing.Policy;
using Microsoft.Extensions.DependencyInjection;

namespace Commerce.Host.Tests.Operators;

/// <summary>
/// The pricing policy's versions through /api/admin/pricing/policies: operators publish, view and roll back, every change
/// audited; the live pricing engine follows the active version; a bad policy names the field at fault.
/// </summary>
public sealed class PolicyVersionsApiTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_published_version_is_priced_with_and_a_rollback_brings_the_previous_one_back()
    {
        var operators = platform.StaffClient(Roles.Operator);
        var engine = platform.Services.GetRequiredService<LivePricingEngine>();
        var configured = await ActiveAsync(operators); // the configured policy, published at start
        var version = $"test-{Guid.NewGuid():N}"[..20];

        var published = await operators.PostAsJsonAsync("/api/admin/pricing/policies", new { policy = Policy(version), why = "raise the floor for the test" });

        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        await WaitAsync(() => engine.Policy.Version == version, $"the engine to price with {version}");
        var list = await operators.GetFromJsonAsync<JsonElement>("/api/admin/pricing/policies");
        Assert.Equal(version, list.GetProperty("active").GetString());
        var change = list.GetProperty("changes")[0];
        Assert.Equal((version, "Published", "raise the floor for the test"),
            (change.GetProperty("version").GetString(), change.GetProperty("kind").GetString(), change.GetProperty("why").GetString()));
        Assert.False(string.IsNullOrEmpty(change.GetProperty("by").GetString()));
        var document = await operators.GetFromJsonAsync<JsonElement>($"/api/admin/pricing/policies/{version}");
        Assert.Equal(version, document.GetProperty("policy").GetProperty("version").GetString());

        var rolledBack = await operators.PostAsJsonAsync($"/api/admin/pricing/policies/{configured}/activate", new { why = "the test is over" });

        Assert.Equal(HttpStatusCode.OK, rolledBack.StatusCode);
        await WaitAsync(() => engine.Policy.Version == configured, $"the engine back on {configured}");
        var after = await operators.GetFromJsonAsync<JsonElement>("/api/admin/pricing/policies");
        Assert.Equal((configured, "RolledBack"), (after.GetProperty("active").GetString(), after.GetProperty("changes")[0].GetProperty("kind").GetString()));
        var again = await operators.PostAsJsonAsync($"/api/admin/pricing/policies/{configured}/activate", new { why = "twice" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var republished = await operators.PostAsJsonAsync("/api/admin/pricing/policies", new { policy = Policy(version), why = "same version again" });
        Assert.Equal(HttpStatusCode.Conflict, republished.StatusCode);
    }

    [Fact]
    public async Task A_bad_policy_or_request_is_a_400_naming_the_field_and_nothing_is_stored()
    {
        var operators = platform.StaffClient(Roles.Operator);
        var bad = Policy("bad-1");
        bad["collections"]!.AsObject().First().Value!["floor"] = "-1";

        await AssertFieldAsync(await operators.PostAsJsonAsync("/api/admin/pricing/policies", new { policy = bad, why = "x" }), "policy.collections.");
        await AssertFieldAsync(await operators.PostAsJsonAsync("/api/admin/pricing/policies", new { policy = Policy("bad-2") }), "why");
        await AssertFieldAsync(await operators.PostAsJsonAsync("/api/admin/pricing/policies", new { why = "no policy" }), "policy");
        await AssertFieldAsync(await operators.PostAsJsonAsync("/api/admin/pricing/policies", new { policy = Policy("bad-3"), why = "x", extra = 1 }), "extra");
        var list = await operators.GetFromJsonAsync<JsonElement>("/api/admin/pricing/policies");
        Assert.DoesNotContain(list.GetProperty("versions").EnumerateArray(), v => v.GetProperty("version").GetString()!.StartsWith("bad-", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await operators.PostAsJsonAsync("/api/admin/pricing/policies/none-such/activate", new { why = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await operators.GetAsync("/api/admin/pricing/policies/none-such")).StatusCode);
    }

    [Fact]
    public async Task Marketing_may_not_change_prices()
    {
        var response = await platform.StaffClient(Roles.Marketing).PostAsJsonAsync("/api/admin/pricing/policies", new { policy = Policy("m-1"), why = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static async Task<string> ActiveAsync(HttpClient operators)
    {
        string? active = null;
        await WaitAsync(async () => (active = (await operators.GetFromJsonAsync<JsonElement>("/api/admin/pricing/policies")).GetProperty("active").GetString()) is not null,
            "the configured policy published at start");
        return active!;
    }

    private static JsonObject Policy(string version)
    {
        using var stream = typeof(PolicyLoader).Assembly.GetManifestResourceStream("Commerce.Pricing.policies.default.json")!;
        var policy = JsonNode.Parse(stream, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!.AsObject();
        policy["version"] = version;
        return policy;
    }

    private static async Task AssertFieldAsync(HttpResponseMessage response, string fieldPrefix)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400, got {(int)response.StatusCode}: {text}");
        var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
        Assert.True(errors.EnumerateObject().Any(e => e.Name.StartsWith(fieldPrefix, StringComparison.Ordinal)), $"expected errors.{fieldPrefix}... in {text}");
    }

    private static Task WaitAsync(Func<bool> condition, string what) => WaitAsync(() => Task.FromResult(condition()), what);

    private static async Task WaitAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTimeOffset.UtcNow + Deadline;
        while (!await condition())
        {
            if (DateTimeOffset.UtcNow > deadline)
                Assert.Fail($"expected {what} within {Deadline.TotalSeconds:0} s");
            await Task.Yield();
            using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
            await tick.WaitForNextTickAsync();
        }
    }
}
