using System.Security.Claims;
using System.Text.RegularExpressions;
using Commerce.Pricing.Policy;
using Commerce.Actors.Orders;
using Commerce.Host.Auth;
using Commerce.Host.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Commerce.Host.Operators;

/// <summary>
/// What operators run the platform with, beside /api/admin's grain reads (docs/API.md): the order search, refunds through
/// the Checkout, delisting and editing items, and the pricing policy's versions (publish, view, roll back; audited). Every bad input is a ProblemDetails naming its field.
/// </summary>
public static partial class OperatorsApi
{
    public const int MaxLimit = 100;

    private static readonly string[] Statuses =
    [
        OrderStatus.Placed, OrderStatus.Reserved, OrderStatus.PlanActive, OrderStatus.Paid, OrderStatus.Delivering,
        OrderStatus.Completed, OrderStatus.Cancelled, OrderStatus.Defaulted, OrderStatus.Refunded,
    ];

    public static IEndpointRouteBuilder MapOperatorsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Operators").RequireAuthorization(Roles.Operator);
        group.MapGet("/orders", SearchOrdersAsync)
            .WithSummary("Searches orders by player, status, item and placement time (from inclusive, to exclusive), in order id order; "
                + "at most 5,000 stored orders are read per call: follow next (as after) until it is null")
            .ProducesValidationProblem();
        group.MapPost("/orders/{orderId}/refund", OrderRefunds.RefundAsync)
            .WithSummary("Refunds a completed purchase through the Checkout (Checkout.refund, asked of the executor once: a repeat is answered "
                + "with the first request); the order becomes refunded when the Refunded log is confirmed")
            .Produces<OrderRefundView>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/items/{itemId}/delist", ItemChanges.DelistAsync)
            .WithSummary("Delists an item for good (no new order, offer or auction; pricing stops offering it), audited; refused while an order or an auction holds it")
            .Produces<ItemChangeView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPatch("/items/{itemId}", ItemChanges.EditAsync)
            .WithSummary("Edits what the catalog owns of an item (listPrice, rarity), audited and published on the item topic")
            .Produces<ItemChangeView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/pricing/policies", ListPoliciesAsync)
            .WithSummary("The pricing policy's stored versions (newest first), the active one, and the last 100 changes of the active version (who, when, why)");
        group.MapGet("/pricing/policies/{version}", GetPolicyAsync)
            .WithSummary("One stored pricing policy version, with its policy as published").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/pricing/policies", PublishPolicyAsync)
            .WithSummary("Publishes a new pricing policy version (validated; its version must be new) and makes it active: the pricing engine prices with it within a second")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/pricing/policies/{version}/activate", RollBackPolicyAsync)
            .WithSummary("Rolls back (or forward) to a stored pricing policy version: it becomes the active one, audited with why")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<Ok<PolicyVersionList>> ListPoliciesAsync(PolicyVersions versions, CancellationToken ct) =>
        TypedResults.Ok(await versions.ListAsync(ct));

    private static async Task<IResult> GetPolicyAsync(string version, PolicyVersions versions, CancellationToken ct)
    {
        if (await versions.GetAsync(version, ct) is not { } stored)
            return Problem.NotFound($"no pricing policy version {version} is stored");
        using var document = System.Text.Json.JsonDocument.Parse(stored.Json, new System.Text.Json.JsonDocumentOptions
        {
            CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true,
        });
        return TypedResults.Ok(new PolicyDocument(stored.Version, document.RootElement.Clone()));
    }

    private static async Task<IResult> PublishPolicyAsync(PublishPolicyRequest body, ClaimsPrincipal user, PolicyVersions versions, CancellationToken ct)
    {
        if (body.Policy is not { ValueKind: System.Text.Json.JsonValueKind.Object } policy)
            return Problem.Field("policy", "is required: a pricing policy (the JSON of src/Pricing/policies/default.json)");
        if (WhyError(body.Why) is { } why)
            return why;
        var json = policy.GetRawText();
        PricingPolicy loaded;
        try
        {
            loaded = PolicyLoader.Load(json);
        }
        catch (PolicyValidationException e)
        {
            // Every field at fault, each under policy.<path> (the path the policy format names).
            var errors = e.Errors.GroupBy(x => x.Path == "$" ? "policy" : "policy." + x.Path)
                .ToDictionary(g => g.Key, g => g.Select(x => x.Message).ToArray());
            return TypedResults.ValidationProblem(errors, title: "The pricing policy is not valid", detail: e.Message);
        }
        if (loaded.Version.Length > 64)
            return Problem.Field("policy.version", "is at most 64 characters");
        var outcome = await versions.PublishAsync(loaded.Version, json, Who(user), body.Why!.Trim(), ct);
        return outcome.Refusal == PolicyRefusal.None
            ? TypedResults.Created($"/api/admin/pricing/policies/{Uri.EscapeDataString(loaded.Version)}", (await versions.GetAsync(loaded.Version, ct))!.Value.Version)
            : Refused(outcome);
    }

    private static async Task<IResult> RollBackPolicyAsync(string version, RollbackPolicyRequest body, ClaimsPrincipal user, PolicyVersions versions, CancellationToken ct)
    {
        if (WhyError(body.Why) is { } why)
            return why;
        var outcome = await versions.RollBackAsync(version, Who(user), body.Why!.Trim(), ct);
        return outcome.Refusal == PolicyRefusal.None ? TypedResults.Ok((await versions.GetAsync(version, ct))!.Value.Version) : Refused(outcome);
    }

    private static ValidationProblem? WhyError(string? why) =>
        string.IsNullOrWhiteSpace(why) || why.Length > 500 ? Problem.Field("why", "is required: why the pricing changes (at most 500 characters), kept in the audit") : null;

    private static IResult Refused(PolicyOutcome outcome) => outcome.Refusal switch
    {
        PolicyRefusal.NotFound => Problem.NotFound(outcome.Message!),
        _ => Problem.Conflict("Conflict", outcome.Field!, outcome.Message!),
    };

    /// <summary>The staff member a change is audited under: the token's subject.</summary>
    internal static string Who(ClaimsPrincipal user) => user.FindFirst("sub")?.Value ?? user.Identity?.Name ?? "unknown";

    private static async Task<Results<Ok<OrderSearchPage>, ValidationProblem>> SearchOrdersAsync(
        OrderSearch search, string? player, string? status, string? item, string? from, string? to, string? after, string? limit,
        CancellationToken ct)
    {
        // Query values are read here, not bound, so a malformed one is named (a bound one fails as the whole request).
        if (!TryTime(from, out var fromAt))
            return Problem.Field("from", "must be an ISO-8601 time with an offset (2026-12-06T10:00:00Z)");
        if (!TryTime(to, out var toAt))
            return Problem.Field("to", "must be an ISO-8601 time with an offset (2026-12-06T10:00:00Z)");
        if (!TryLimit(limit, out var size))
            return Problem.Field("limit", $"must be a whole number from 1 to {MaxLimit} (default 50)");
        if (player is not null && !Wallet().IsMatch(player))
            return Problem.Field("player", "must be a wallet address: 0x and 40 hex digits");
        if (status is not null && !Statuses.Contains(status))
            return Problem.Field("status", $"must be one of {string.Join(", ", Statuses)}");
        if (item is not null && !ItemId().IsMatch(item))
            return Problem.Field("item", "must be an item id: collection:tokenId (lowercase letters, digits and dashes)");
        if (fromAt is not null && toAt is not null && fromAt >= toAt)
            return Problem.Field("to", "must be after from");
        if (after is not null && (after.Length is 0 or > 128))
            return Problem.Field("after", "must be the next cursor of a previous page (at most 128 characters)");
        var filter = new OrderSearch.Filter(player, status, item, fromAt, toAt);
        return TypedResults.Ok(await search.SearchAsync(filter, after, size, ct));
    }

    private static bool TryTime(string? text, out DateTimeOffset? at)
    {
        at = null;
        if (text is null)
            return true;
        if (!DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var value)
            || !text.Contains('T', StringComparison.Ordinal))
            return false;
        at = value;
        return true;
    }

    private static bool TryLimit(string? text, out int limit)
    {
        limit = 50;
        return text is null || (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out limit)
            && limit is >= 1 and <= MaxLimit);
    }

    [GeneratedRegex("^0x[0-9a-fA-F]{40}$")]
    private static partial Regex Wallet();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}:[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex ItemId();
}
