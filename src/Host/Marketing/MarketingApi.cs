using System.Security.Claims;
using Commerce.Host.Auth;
using Commerce.Host.Problems;
using Commerce.Marketing.Campaigns;
using Commerce.Marketing.Rules;
using Commerce.Marketing.Targeting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Commerce.Host.Marketing;

/// <summary>
/// Marketing's REST API (docs/API.md, "Marketing"): campaigns, their state changes, deliveries and retries, and the
/// rule check with its "matching now" preview. Marketing and admin tokens; each change is audited under the token's subject.
/// </summary>
public static class MarketingApi
{
    public const string Prefix = "/api/marketing";

    public static IEndpointRouteBuilder MapMarketingApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Prefix).WithTags("Marketing").RequireAuthorization(Roles.Marketing);
        group.MapGet("/campaigns", ListAsync).WithSummary("Every campaign with its status and progress");
        group.MapPost("/campaigns", CreateAsync).WithSummary("Creates a draft campaign (its id: lowercase letters, digits, '-'; generated when absent)");
        group.MapGet("/campaigns/{id}", GetAsync).WithSummary("A campaign: definition, status, counts, deliveries per minute, audit trail");
        group.MapPut("/campaigns/{id}", EditAsync).WithSummary("Edits a campaign at the version given (409 when it moved on)");
        foreach (var action in new[] { "schedule", "start", "pause", "resume", "stop" })
            group.MapPost($"/campaigns/{{id}}/{action}", (string id, ClaimsPrincipal user, IGrainFactory grains) => ActAsync(id, action, user, grains))
                .WithName($"campaign-{action}").WithSummary($"{char.ToUpperInvariant(action[0])}{action[1..]}s the campaign");
        group.MapPost("/campaigns/{id}/retry", RetryAsync).WithSummary("Mints failed wallets again (all of them when none are named)");
        group.MapGet("/campaigns/{id}/deliveries", DeliveriesAsync).WithSummary("The delivery log: one row per wallet in wallet order, with its transaction");
        group.MapPost("/rules/check", CheckAsync).WithSummary("Checks a rule (errors with their position) and counts the players it matches now");
        group.MapGet("/rules/variables", () => TypedResults.Ok(RuleVariables.All)).WithSummary("The variables a rule can read");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<CampaignView>>> ListAsync(CampaignCatalog catalog, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<CampaignView>>([.. (await catalog.ListAsync(ct)).OrderByDescending(c => c.Edits[0].At).Select(CampaignView.Of)]);

    private static async Task<IResult> GetAsync(string id, IGrainFactory grains) =>
        CampaignValidator.IsValidId(id) && await grains.GetGrain<ICampaignGrain>(id).GetAsync() is { } state
            ? TypedResults.Ok(CampaignView.Of(state))
            : Problem.NotFound($"no campaign {id}");

    private static async Task<IResult> CreateAsync(CampaignRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var id = body.Id ?? $"c-{Guid.CreateVersion7():N}"[..20];
        if (!CampaignValidator.IsValidId(id))
            return Problem.Field("id", "is 1-48 lowercase letters, digits or '-', starting with a letter or digit");
        if (DefinitionOf(body) is not { } definition)
            return MissingField(body);
        var answer = await grains.GetGrain<ICampaignGrain>(id).CreateAsync(definition, Who(user));
        return answer.Problem == CampaignProblem.None ? TypedResults.Created($"{Prefix}/campaigns/{id}", CampaignView.Of(answer.Campaign!)) : Refused(answer);
    }

    private static async Task<IResult> EditAsync(string id, CampaignRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!CampaignValidator.IsValidId(id))
            return Problem.NotFound($"no campaign {id}");
        if (body.Version is not { } version)
            return Problem.Field("version", "is required: the version the edit was made against");
        if (DefinitionOf(body) is not { } definition)
            return MissingField(body);
        return Answer(await grains.GetGrain<ICampaignGrain>(id).EditAsync(definition, version, Who(user)));
    }

    private static async Task<IResult> ActAsync(string id, string action, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!CampaignValidator.IsValidId(id))
            return Problem.NotFound($"no campaign {id}");
        var campaign = grains.GetGrain<ICampaignGrain>(id);
        var by = Who(user);
        return Answer(action switch
        {
            "schedule" => await campaign.ScheduleAsync(by),
            "start" => await campaign.StartAsync(by),
            "pause" => await campaign.PauseAsync(by),
            "resume" => await campaign.ResumeAsync(by),
            _ => await campaign.StopAsync(by),
        });
    }

    private static async Task<IResult> RetryAsync(string id, RetryRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!CampaignValidator.IsValidId(id))
            return Problem.NotFound($"no campaign {id}");
        if (body.Wallets is { Count: > 1000 })
            return Problem.Field("wallets", "at most 1000 per request");
        return Answer(await grains.GetGrain<ICampaignGrain>(id).RetryAsync(body.Wallets ?? [], Who(user)));
    }

    private static async Task<IResult> DeliveriesAsync(string id, string? after, int? limit, CampaignCatalog catalog, CancellationToken ct)
    {
        if (!CampaignValidator.IsValidId(id))
            return Problem.NotFound($"no campaign {id}");
        if (limit is < 1 or > 1000)
            return Problem.Field("limit", "is 1 to 1000");
        return TypedResults.Ok(await catalog.RecipientsAsync(id, after, limit ?? 100, ct));
    }

    private static async Task<IResult> CheckAsync(RuleRequest body, bool? preview, RuleCompiler rules, MatchingPlayers matching, CancellationToken ct)
    {
        var check = rules.Check(body.Rule);
        if (!check.IsValid)
            return TypedResults.Ok(new RuleCheckView(false, check.Errors, null, null, null));
        if (preview == false)
            return TypedResults.Ok(new RuleCheckView(true, [], null, null, null));
        var now = await matching.PreviewAsync(check.Rule!, ct);
        return TypedResults.Ok(new RuleCheckView(true, [], now.Matching, now.Players, now.Sample));
    }

    private static CampaignDefinition? DefinitionOf(CampaignRequest b) =>
        b is { Name: { } name, Collection: { } collection, Contract: { } contract, Quantity: { } quantity, SupplyCap: { } cap, GasBudget: { } gas, Rule: { } rule }
            ? new CampaignDefinition(name, collection, contract, b.ItemName, quantity, cap, b.PerWalletLimit ?? quantity, gas, b.StartsAt, b.EndsAt, rule)
            : null;

    private static ValidationProblem MissingField(CampaignRequest b) => Problem.Field(
        b.Name is null ? "name" : b.Collection is null ? "collection" : b.Contract is null ? "contract" : b.Quantity is null ? "quantity"
        : b.SupplyCap is null ? "supplyCap" : b.GasBudget is null ? "gasBudget" : "rule", "is required");

    private static IResult Answer(CampaignAnswer answer) =>
        answer.Problem == CampaignProblem.None ? TypedResults.Ok(CampaignView.Of(answer.Campaign!)) : Refused(answer);

    private static IResult Refused(CampaignAnswer answer) => answer.Problem switch
    {
        CampaignProblem.NotFound => Problem.NotFound(answer.Error!),
        CampaignProblem.Conflict => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: answer.Error,
            extensions: new Dictionary<string, object?> { ["field"] = answer.Field }),
        _ => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [answer.Field!] = [answer.Error!] }, title: "The request is not valid",
            detail: $"{answer.Field}: {answer.Error}", extensions: answer.Position is { } p ? new Dictionary<string, object?> { ["position"] = p } : null),
    };

    /// <summary>Who acts, for the audit trail: the staff token's subject.</summary>
    private static string Who(ClaimsPrincipal user) => user.FindFirst("sub")?.Value ?? user.Identity?.Name ?? "unknown";
}
