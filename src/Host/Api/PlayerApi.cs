using System.Security.Claims;
using System.Text.Json;
using Commerce.Actors.NftItem;
using Commerce.Actors.PlayerSession;
using Commerce.Actors.Serialization;
using Commerce.Actors.Storage;
using Commerce.Events.Envelope;
using Commerce.Events.Player;
using Commerce.Events.Topics;
using Commerce.Host.Api.Responses;
using Commerce.Host.Auth;
using Commerce.Host.Problems;
using Commerce.Host.RateLimits;
using Commerce.Messaging.Producing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Commerce.Host.Api;

/// <summary>What a signed-in player does: show interest, read its own session and the items.</summary>
public static class PlayerApi
{
    public const double MaxDwellSeconds = 3600;

    public static IEndpointRouteBuilder MapPlayerApi(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/me").WithTags("Players").RequireAuthorization(Roles.Player);
        me.MapPost("/interests", ShowInterestAsync).WithSummary("Records interest in an item; the player's and the item's grains are updated")
            .RateLimited(RateLimitGroup.Interests);
        me.MapGet("/", GetMeAsync).WithSummary("The player's own session: interests, offers, orders, bids, the push cursor (docs/API.md)");

        var players = app.MapGroup("/api/players").WithTags("Players").RequireAuthorization();
        players.MapGet("/{playerId}", GetPlayerAsync).WithSummary("A player's session as GET /api/me shows it: the player itself, an operator or an admin");

        var items = app.MapGroup("/api/items").WithTags("Items").RequireAuthorization();
        items.MapGet("/{itemId}", GetItemAsync).WithSummary("What a buyer may see of an item: catalog facts, price, demand, status; a reservation only to its holder");
        return app;
    }

    internal static string PlayerId(this ClaimsPrincipal user) =>
        user.FindFirstValue("sub") ?? throw new InvalidOperationException("an authenticated player has a subject");

    private static async Task<Results<Accepted<Accepted>, ValidationProblem, ProblemHttpResult>> ShowInterestAsync(
        InterestRequest body, ClaimsPrincipal user, IGrainStore store, EventProducer producer, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.ItemId))
            return Problem.Field("itemId", "is required");
        if (body.ItemId.Length > 128 || !body.ItemId.Contains(':'))
            return Problem.Field("itemId", "must look like \"collection:tokenId\" (at most 128 characters)");
        var dwell = body.DwellSeconds ?? 0;
        if (!double.IsFinite(dwell) || dwell < 0 || dwell > MaxDwellSeconds)
            return Problem.Field("dwellSeconds", $"must be between 0 and {MaxDwellSeconds}");
        if (!await IsListedAsync(store, body.ItemId, ct))
            return Problem.NotFound($"item {body.ItemId} is not listed");

        var playerId = user.PlayerId();
        var envelope = EventEnvelope.Create(playerId, new InterestShown(playerId, body.ItemId, dwell, "api"), clock.GetUtcNow());
        await producer.PublishAsync(TopicCatalog.PlayerEvents, envelope, ct);
        return TypedResults.Accepted((string?)null, new Accepted(envelope.Id));
    }

    private static async Task<Ok<PlayerView>> GetMeAsync(ClaimsPrincipal user, IGrainStore store, CancellationToken ct) =>
        await PlayerStateAsync(store, user.PlayerId(), ct);

    private static async Task<Results<Ok<PlayerView>, ProblemHttpResult>> GetPlayerAsync(string playerId, ClaimsPrincipal user, IGrainStore store, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Admin) && !user.IsInRole(Roles.Operator) && user.PlayerId() != playerId)
            return Problem.Forbidden("a player can only read its own session");
        return await PlayerStateAsync(store, playerId, ct);
    }

    private static async Task<Results<Ok<ItemView>, ProblemHttpResult>> GetItemAsync(string itemId, ClaimsPrincipal user, IGrainStore store, CancellationToken ct)
    {
        var stored = await store.LoadStateAsync(NftItemGrain.TypeName, itemId, ct);
        if (stored is null || JsonSerializer.Deserialize(stored.Json, GrainJsonContext.Default.NftItemState) is not { Listed: true } item)
            return Problem.NotFound($"item {itemId} is not listed");
        return TypedResults.Ok(ItemView.Of(item, user.IsInRole(Roles.Player) ? user.PlayerId() : null));
    }

    internal static async Task<bool> IsListedAsync(IGrainStore store, string itemId, CancellationToken ct)
    {
        var stored = await store.LoadStateAsync(NftItemGrain.TypeName, itemId, ct);
        return stored is not null && JsonSerializer.Deserialize(stored.Json, GrainJsonContext.Default.NftItemState)!.Listed;
    }

    private static async Task<Ok<PlayerView>> PlayerStateAsync(IGrainStore store, string playerId, CancellationToken ct)
    {
        var stored = await store.LoadStateAsync(PlayerSessionGrain.TypeName, playerId, ct);
        var session = stored is null ? PlayerSessionState.New(playerId) : JsonSerializer.Deserialize(stored.Json, GrainJsonContext.Default.PlayerSessionState)!;
        return TypedResults.Ok(PlayerView.Of(session));
    }
}
