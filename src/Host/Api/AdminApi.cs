using System.Text.RegularExpressions;
using Commerce.Actors.Storage;
using Commerce.Events.Envelope;
using Commerce.Events.Items;
using Commerce.Events.Topics;
using Commerce.Host.Auth;
using Commerce.Host.Problems;
using Commerce.Host.RateLimits;
using Commerce.Messaging.Producing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Commerce.Host.Api;

/// <summary>Marketing lists items; operators read any grain's state and revoke staff tokens; admin does both.</summary>
public static partial class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Marketing and operators");
        group.MapPost("/items", ListItemAsync).WithSummary("Lists (or re-lists) an item in the catalog (marketing)").RequireAuthorization(Roles.Marketing)
            .RateLimited(RateLimitGroup.Nfts);
        group.MapGet("/grains/{grainType}/{key}", GetGrainAsync).WithSummary("A grain's committed state, as stored (operators)")
            .RequireAuthorization(Roles.Operator);
        group.MapPost("/tokens/revoke", RevokeAsync).WithSummary("Revokes a token (staff or player) by its id (jti) on every instance, before it expires (operators)")
            .RequireAuthorization(Roles.Operator);
        return app;
    }

    private static async Task<Results<Accepted<Accepted>, ValidationProblem>> ListItemAsync(
        ListItemRequest body, EventProducer producer, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Collection) || !Slug().IsMatch(body.Collection))
            return Problem.Field("collection", "is required: lowercase letters, digits and dashes");
        if (string.IsNullOrWhiteSpace(body.TokenId) || !Slug().IsMatch(body.TokenId))
            return Problem.Field("tokenId", "is required: lowercase letters, digits and dashes");
        if (string.IsNullOrWhiteSpace(body.Rarity))
            return Problem.Field("rarity", "is required");
        if (body.Supply is not > 0)
            return Problem.Field("supply", "must be at least 1");
        if (body.Edition is not > 0 || body.Edition > body.Supply)
            return Problem.Field("edition", "must be between 1 and supply");
        if (body.ListPrice is not >= 0)
            return Problem.Field("listPrice", "must be zero or more");
        if (body.Currency is not ("ETH" or "USDC"))
            return Problem.Field("currency", "must be ETH or USDC");
        var itemId = $"{body.Collection}:{body.TokenId}";
        var listing = new ItemListed(itemId, body.Collection, body.TokenId, body.Rarity, body.Edition.Value, body.Supply.Value, body.ListPrice.Value, body.Currency, null);
        var envelope = EventEnvelope.Create(itemId, listing, clock.GetUtcNow());
        await producer.PublishAsync(TopicCatalog.ItemEvents, envelope, ct);
        return TypedResults.Accepted($"/api/items/{itemId}", new Accepted(envelope.Id));
    }

    private static async Task<IResult> GetGrainAsync(string grainType, string key, IGrainStore store, CancellationToken ct)
    {
        var stored = await store.LoadStateAsync(grainType, key, ct);
        return stored is null
            ? Problem.NotFound($"no {grainType} grain has key {key}")
            : TypedResults.Text(stored.Json, "application/json");
    }

    private static async Task<Results<NoContent, ValidationProblem>> RevokeAsync(
        RevokeTokenRequest body, RevokedTokens revoked, TimeProvider clock, TokenService tokens, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.TokenId) || body.TokenId.Length > 64)
            return Problem.Field("tokenId", "is required: the token's jti (at most 64 characters)");
        // No token outlives the longest lifetime from now, so the row can go then.
        await revoked.RevokeAsync(body.TokenId, clock.GetUtcNow() + tokens.LongestLifetime, ct);
        return TypedResults.NoContent();
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex Slug();
}
