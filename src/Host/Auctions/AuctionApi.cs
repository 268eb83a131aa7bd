using System.Globalization;
using System.Net.WebSockets;
using System.Security.Claims;
using System.Text.Json;
using System.Text.RegularExpressions;
using Commerce.Actors.Auctions;
using Commerce.Actors.NftItem;
using Commerce.Actors.PlayerSession;
using Commerce.Actors.Runtime;
using Commerce.Actors.Serialization;
using Commerce.Actors.Storage;
using Commerce.Events;
using Commerce.Events.Auctions;
using Commerce.Host.Api;
using Commerce.Host.Auth;
using Commerce.Host.Problems;
using Commerce.Host.Push;
using Commerce.Host.RateLimits;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Commerce.Host.Auctions;

/// <summary>
/// Live auctions (docs/API.md "Auctions"): players bid, watch and read their bids; marketing opens, cancels and changes
/// the reserve; marketing and operators list. The item's grain decides; this only checks the input and says the answer.
/// </summary>
public static partial class AuctionApi
{
    public const int MaxBidIdLength = 64;
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(30);

    public static IEndpointRouteBuilder MapAuctionApi(this IEndpointRouteBuilder app)
    {
        var auctions = app.MapGroup("/api/auctions").WithTags("Auctions").RequireAuthorization();
        auctions.MapGet("/{itemId}", GetAsync).WithSummary("An item's auction: phase, end, highest bid, the next minimum, the newest bids");
        auctions.MapPost("/{itemId}/bids", BidAsync).RequireAuthorization(Roles.Player).RateLimited(RateLimitGroup.Bids)
            .WithSummary("Bids on an item's auction: answered accepted, tooLow (with the minimum), ended, alreadyHighest, noAuction or wrongCurrency")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        auctions.MapGet("/{itemId}/watch", WatchAsync).RateLimited(RateLimitGroup.Bids)
            .WithSummary("WebSocket: the auction's snapshot, then every accepted bid, the close, the offers and the end as they happen");
        app.MapGet("/api/me/bids", MyBidsAsync).WithTags("Auctions").RequireAuthorization(Roles.Player)
            .WithSummary("The player's accepted bids (newest first) and where each auction stands");

        var admin = app.MapGroup("/api/admin/auctions").WithTags("Marketing and operators");
        admin.MapPost("/", OpenAsync).RequireAuthorization(Roles.Marketing).WithSummary("Puts a listed item up for auction (marketing)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapPost("/{itemId}/cancel", CancelAsync).RequireAuthorization(Roles.Marketing)
            .WithSummary("Calls an auction off before its first bid (marketing)").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapPut("/{itemId}/reserve", ChangeReserveAsync).RequireAuthorization(Roles.Marketing)
            .WithSummary("Changes an auction's reserve before its first bid (marketing)").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapGet("/", ListAsync).RequireAuthorization(p => p.RequireRole(Roles.Marketing, Roles.Operator, Roles.Admin))
            .WithSummary("The auctions, newest first, optionally only those in one phase (marketing, operators)");
        return app;
    }

    private static async Task<Results<Ok<AuctionView>, ProblemHttpResult>> GetAsync(string itemId, IGrainFactory grains)
    {
        var auction = await grains.GetGrain<INftItemGrain>(itemId).GetAuctionAsync();
        return auction is null ? Problem.NotFound($"item {itemId} has no auction") : TypedResults.Ok(AuctionView.Of(itemId, auction));
    }

    private static async Task<Results<Ok<BidAnswer>, ValidationProblem, ProblemHttpResult>> BidAsync(
        string itemId, BidRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (ItemIdError(itemId) is { } itemError)
            return Problem.Field("itemId", itemError);
        if (string.IsNullOrEmpty(body.BidId) || body.BidId.Length > MaxBidIdLength || !BidIdText().IsMatch(body.BidId))
            return Problem.Field("bidId", $"is required: 1 to {MaxBidIdLength} letters, digits, '-', '_', '.' or ':'");
        if (body.Currency is not ("ETH" or "USDC"))
            return Problem.Field("currency", "must be ETH or USDC");
        if (AmountError(body.Amount, body.Currency) is { } amountError)
            return Problem.Field("amount", amountError);
        var playerId = user.PlayerId();
        var bid = new BidSubmitted(itemId, body.BidId, playerId, body.Amount!.Value, body.Currency, "player");
        var answer = await grains.GetGrain<IPlayerSessionGrain>(playerId).BidAsync(bid);
        return Assert(answer) switch
        {
            BidAccepted a => TypedResults.Ok(new BidAnswer("accepted", a.BidId, a.Amount, a.NextMinimum, a.EndsAt, a.Seq, null)),
            BidRefused { Reason: BidRefusal.NoAuction } r => Problem.NotFound(r.Detail),
            BidRefused r => TypedResults.Ok(new BidAnswer(JsonNamingPolicy.CamelCase.ConvertName(r.Reason.ToString()), r.BidId, bid.Amount, r.Minimum, null, null, r.Detail)),
            var other => throw new InvalidOperationException($"a bid was answered {other.GetType().Name}"),
        };
    }

    /// <summary>Every connection starts with the auction's snapshot (its seq the auction's), so a reconnecting watcher needs no cursor.</summary>
    private static async Task<IResult> WatchAsync(HttpContext context, string itemId, IGrainFactory grains, AuctionWatchers watchers, TimeProvider clock)
    {
        if (!context.WebSockets.IsWebSocketRequest)
            return Problem.Field("upgrade", "this endpoint is a WebSocket: connect with an Upgrade request");
        var item = grains.GetGrain<INftItemGrain>(itemId);
        if (await item.GetAuctionAsync() is null)
            return Problem.NotFound($"item {itemId} has no auction");
        // Registered before the snapshot is read, so nothing falls between the two.
        if (watchers.Sockets.TryRegister(itemId, AuctionWatchers.MaxPerItem) is not { } connection)
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many watchers",
                detail: $"item {itemId} has {AuctionWatchers.MaxPerItem} watch sockets on this instance");
        WebSocket socket;
        try
        {
            socket = await context.WebSockets.AcceptWebSocketAsync();
        }
        catch
        {
            watchers.Sockets.Unregister(connection);
            throw;
        }
        using var _ = socket;
        try
        {
            await PushSocket.ServeAsync(socket, connection, async _ =>
            {
                var auction = (await item.GetAuctionAsync())!;
                var snapshot = JsonSerializer.Serialize(AuctionView.Of(itemId, auction), ApiJsonContext.Default.AuctionView);
                return [new PushFrame(auction.Seq, "AuctionSnapshot", clock.GetUtcNow(), snapshot)];
            }, -1, context.RequestAborted);
        }
        finally
        {
            watchers.Sockets.Unregister(connection);
        }
        return Results.Empty;
    }

    private static async Task<Ok<IReadOnlyList<MyBidView>>> MyBidsAsync(ClaimsPrincipal user, IGrainFactory grains, IGrainStore store, CancellationToken ct)
    {
        var playerId = user.PlayerId();
        var stored = await store.LoadStateAsync(PlayerSessionGrain.TypeName, playerId, ct);
        var session = stored is null ? null : JsonSerializer.Deserialize(stored.Json, GrainJsonContext.Default.PlayerSessionState);
        var bids = session?.Bids ?? [];
        var auctions = new Dictionary<string, AuctionState?>(StringComparer.Ordinal);
        foreach (var itemId in bids.Select(b => b.ItemId).Distinct())
            auctions[itemId] = await grains.GetGrain<INftItemGrain>(itemId).GetAuctionAsync();
        IReadOnlyList<MyBidView> views = [.. bids.Select(b =>
        {
            var auction = auctions[b.ItemId] is { } a && a.AuctionId == b.AuctionId ? a : null;
            return new MyBidView(b.ItemId, b.AuctionId, b.BidId, b.Amount, b.Currency, b.At,
                auction?.Highest is { } h && h.BidId == b.BidId && h.Bidder == playerId,
                auction?.Phase.ToString() ?? AuctionPhase.Ended.ToString(), auction?.EndsAt, auction?.Outcome?.ToString());
        })];
        return TypedResults.Ok(views);
    }

    private static async Task<Results<Created<AuctionView>, ValidationProblem, ProblemHttpResult>> OpenAsync(
        OpenAuctionRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (ItemIdError(body.ItemId) is { } itemError)
            return Problem.Field("itemId", itemError);
        if (body.AuctionId is { } id && (id.Length is 0 or > MaxBidIdLength || !BidIdText().IsMatch(id)))
            return Problem.Field("auctionId", $"1 to {MaxBidIdLength} letters, digits, '-', '_', '.' or ':' (or leave it out)");
        if (body.Reserve is not > 0 || body.Reserve.Value.Scale > 18)
            return Problem.Field("reserve", "is required: more than zero, at most 18 decimals");
        if (body.IncrementPercent is < 1 or > 100)
            return Problem.Field("incrementPercent", "must be 1 to 100 (default 5)");
        if (body.DurationSeconds is not > 0 || body.DurationSeconds > MaxDuration.TotalSeconds)
            return Problem.Field("durationSeconds", $"is required: 1 to {MaxDuration.TotalSeconds:0}");
        if (body.ExtensionSeconds is < 0 or > 86_400)
            return Problem.Field("extensionSeconds", "must be 0 to 86400 (default 900)");
        if (body.PaymentWindowSeconds is < 60 or > 86_400)
            return Problem.Field("paymentWindowSeconds", "must be 60 to 86400 (default 900)");
        var opened = new AuctionOpened(body.ItemId!, body.AuctionId ?? Guid.NewGuid().ToString("N"), body.Reserve.Value,
            body.IncrementPercent ?? AuctionRules.DefaultIncrementPercent, TimeSpan.FromSeconds(body.DurationSeconds.Value),
            body.ExtensionSeconds is { } e ? TimeSpan.FromSeconds(e) : AuctionRules.DefaultExtensionWindow,
            TimeSpan.FromSeconds(body.PaymentWindowSeconds ?? 900), user.FindFirstValue("name") ?? user.FindFirstValue("sub") ?? "staff");
        var item = grains.GetGrain<INftItemGrain>(opened.ItemId);
        switch (Assert(await item.OpenAuctionAsync(opened)))
        {
            case AuctionRefused refused:
                return Refusal(refused);
            case AuctionOpened done:
                await grains.GetGrain<IAuctionDirectoryGrain>(AuctionDirectoryGrain.Everything).TrackAsync(done);
                var auction = (await item.GetAuctionAsync())!;
                return TypedResults.Created($"/api/auctions/{opened.ItemId}", AuctionView.Of(opened.ItemId, auction));
            case var other:
                throw new InvalidOperationException($"opening an auction was answered {other.GetType().Name}");
        }
    }

    private static async Task<Results<Ok<AuctionView>, ValidationProblem, ProblemHttpResult>> CancelAsync(
        string itemId, CancelAuctionRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (string.IsNullOrEmpty(body.AuctionId))
            return Problem.Field("auctionId", "is required");
        var item = grains.GetGrain<INftItemGrain>(itemId);
        var answer = Assert(await item.CancelAuctionAsync(new AuctionCancelled(itemId, body.AuctionId, user.FindFirstValue("sub") ?? "staff")));
        return answer is AuctionRefused refused ? Refusal(refused) : TypedResults.Ok(AuctionView.Of(itemId, (await item.GetAuctionAsync())!));
    }

    private static async Task<Results<Ok<AuctionView>, ValidationProblem, ProblemHttpResult>> ChangeReserveAsync(
        string itemId, ChangeReserveRequest body, IGrainFactory grains)
    {
        if (string.IsNullOrEmpty(body.AuctionId))
            return Problem.Field("auctionId", "is required");
        if (body.Reserve is not > 0 || body.Reserve.Value.Scale > 18)
            return Problem.Field("reserve", "is required: more than zero, at most 18 decimals");
        var item = grains.GetGrain<INftItemGrain>(itemId);
        var answer = Assert(await item.ChangeReserveAsync(new AuctionReserveChanged(itemId, body.AuctionId, body.Reserve.Value)));
        return answer is AuctionRefused refused ? Refusal(refused) : TypedResults.Ok(AuctionView.Of(itemId, (await item.GetAuctionAsync())!));
    }

    private static async Task<Results<Ok<IReadOnlyList<AuctionView>>, ValidationProblem>> ListAsync(IGrainFactory grains, string? phase)
    {
        AuctionPhase? only = null;
        if (phase is not null)
        {
            if (!Enum.TryParse<AuctionPhase>(phase, ignoreCase: true, out var parsed) || int.TryParse(phase, out _))
                return Problem.Field("phase", $"must be one of {string.Join(", ", Enum.GetNames<AuctionPhase>())}");
            only = parsed;
        }
        var itemIds = await grains.GetGrain<IAuctionDirectoryGrain>(AuctionDirectoryGrain.Everything).ListAsync();
        var auctions = await Task.WhenAll(itemIds.Select(async id => (Id: id, Auction: await grains.GetGrain<INftItemGrain>(id).GetAuctionAsync())));
        IReadOnlyList<AuctionView> views = [.. auctions.Where(a => a.Auction is not null && (only is null || a.Auction.Phase == only))
            .Select(a => AuctionView.Of(a.Id, a.Auction!))];
        return TypedResults.Ok(views);
    }

    /// <summary>The grain's refusal as a ProblemDetails naming the field: 404 for an unknown item, 409 for the auction's state.</summary>
    private static ProblemHttpResult Refusal(AuctionRefused refused) => TypedResults.Problem(
        statusCode: refused.Reason.Contains("not listed", StringComparison.Ordinal) || refused.Reason.Contains("has no auction", StringComparison.Ordinal)
            ? StatusCodes.Status404NotFound
            : StatusCodes.Status409Conflict,
        title: "The auction refused", detail: $"{refused.Field}: {refused.Reason}",
        extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [refused.Field] = [refused.Reason] } });

    private static IEvent Assert(Replies replies) =>
        replies.Events.Count == 1 ? replies.Events[0].Payload : throw new InvalidOperationException($"expected one answer, got {replies.Events.Count}");

    private static string? ItemIdError(string? itemId)
    {
        if (string.IsNullOrWhiteSpace(itemId))
            return "is required";
        var colon = itemId.LastIndexOf(':');
        return itemId.Length > 128 || colon <= 0 || colon == itemId.Length - 1 ? "must look like \"collection:tokenId\" (at most 128 characters)" : null;
    }

    private static string? AmountError(decimal? amount, string currency)
    {
        var decimals = currency == "USDC" ? 6 : 18;
        if (amount is not > 0)
            return "is required: more than zero";
        if (amount.Value.Scale > decimals && decimal.Round(amount.Value, decimals) != amount.Value)
            return $"has more than {decimals} decimals, the precision of {currency}";
        return amount.Value > 1_000_000_000m ? "is too large" : null;
    }

    [GeneratedRegex("^[A-Za-z0-9_.:-]+$")]
    private static partial Regex BidIdText();
}
