using System.Security.Claims;
using System.Text.Json;
using Commerce.Actors.Orders;
using Commerce.Actors.PlayerSession;
using Commerce.Actors.Serialization;
using Commerce.Actors.Storage;
using Commerce.Host.Api.Responses;
using Commerce.Host.Auth;
using Commerce.Host.Problems;
using Commerce.Host.RateLimits;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Commerce.Host.Api;

/// <summary>GET /api/me/orders: the player's orders, newest change first, paged, optionally of one status; and a cancel before payment.</summary>
public static class MyOrdersApi
{
    public const int MaxPageSize = 50;

    private static readonly string[] Statuses =
    [
        OrderStatus.Placed, OrderStatus.Reserved, OrderStatus.PlanActive, OrderStatus.Paid, OrderStatus.Delivering,
        OrderStatus.Completed, OrderStatus.Cancelled, OrderStatus.Defaulted, OrderStatus.Refunded,
    ];

    public static IEndpointRouteBuilder MapMyOrdersApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me/orders", ListAsync).WithTags("Orders").RequireAuthorization(Roles.Player)
            .WithSummary("The player's orders, newest change first (the session's last 30), paged with offset and limit, optionally of one status")
            .ProducesValidationProblem();
        app.MapPost("/api/me/orders/{orderId}/cancel", CancelAsync).WithTags("Orders").RequireAuthorization(Roles.Player)
            .RateLimited(RateLimitGroup.Orders)
            .WithSummary("Cancels one of the player's orders before it is paid for (placed or reserved, no payment seen); the item is released")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<IResult> CancelAsync(string orderId, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (orderId.Length is 0 or > 128)
            return Problem.Field("orderId", "must be an order id (the quote's nonce, 0x hex)");
        var answer = await grains.GetGrain<IOrderGrain>(orderId.ToLowerInvariant()).CancelByBuyerAsync(
            new Commerce.Events.Orders.OrderCancellationRequested(orderId.ToLowerInvariant(), user.PlayerId()));
        return answer.Events.Single().Payload switch
        {
            Commerce.Events.Orders.OrderCancellationRefused { Reason: "no such order" } => OrderApi.NotYourOrder(orderId),
            Commerce.Events.Orders.OrderCancellationRefused r => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The order cannot be cancelled",
                detail: $"orderId: {r.Reason}", extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["orderId"] = [r.Reason] } }),
            Commerce.Events.Player.OrderUpdated u => TypedResults.Ok(new PlayerOrderView(u.OrderId, u.ItemId, u.Status, DateTimeOffset.UtcNow, u.Detail)),
            var other => throw new InvalidOperationException($"a cancel was answered {other.GetType().Name}"),
        };
    }

    private static async Task<Results<Ok<MyOrdersPage>, ValidationProblem>> ListAsync(
        ClaimsPrincipal user, IGrainStore store, string? status, int? offset, int? limit, CancellationToken ct)
    {
        if (status is not null && !Statuses.Contains(status))
            return Problem.Field("status", $"must be one of {string.Join(", ", Statuses)}");
        if (offset is < 0)
            return Problem.Field("offset", "must be zero or more");
        if (limit is < 1 or > MaxPageSize)
            return Problem.Field("limit", $"must be 1 to {MaxPageSize} (default 10)");
        var stored = await store.LoadStateAsync(PlayerSessionGrain.TypeName, user.PlayerId(), ct);
        var session = stored is null ? null : JsonSerializer.Deserialize(stored.Json, GrainJsonContext.Default.PlayerSessionState);
        var orders = (session?.Orders ?? []).Where(o => status is null || o.Status == status).OrderByDescending(o => o.UpdatedAt).ToList();
        var start = offset ?? 0;
        var size = limit ?? 10;
        var page = orders.Skip(start).Take(size).Select(PlayerOrderView.Of).ToList();
        return TypedResults.Ok(new MyOrdersPage(page, orders.Count, start + page.Count < orders.Count ? start + page.Count : null));
    }
}
