using System.Security.Claims;
using Commerce.Actors.Storage;
using Commerce.Host.Auth;
using Commerce.Host.Onchain;
using Commerce.Host.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Commerce.Host.Api;

/// <summary><c>GET /api/me/orders/{orderId}/payoff</c>: the transactions that pay one of the player's installment plans off early.</summary>
public static class PayoffApi
{
    public static IEndpointRouteBuilder MapPayoffApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me/orders/{orderId}/payoff", GetPayoffAsync).WithTags("Orders").RequireAuthorization(Roles.Player)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .Produces(StatusCodes.Status401Unauthorized)
            .WithSummary("What the player's wallet sends to pay an installment plan off early: Checkout.payOff with everything not yet paid "
                + "(an approve first for a stablecoin); no steps once the plan is paid in full; 409 naming orderId when the order is no active plan or is late");
        return app;
    }

    private static async Task<Results<Ok<PaymentInstructions>, ValidationProblem, ProblemHttpResult>> GetPayoffAsync(
        string orderId, ClaimsPrincipal user, IGrainFactory grains, IGrainStore store, PayoffPlanner planner, CancellationToken ct)
    {
        if (!OrderApi.IsHex(orderId, 32))
            return Problem.Field("orderId", "must be 32 bytes as 0x hex (the quote's nonce)");
        if (await OrderApi.LoadOwnAsync(grains, store, user, orderId, ct) is not { } order)
            return OrderApi.NotYourOrder(orderId);
        return await planner.PlanAsync(order, ct) switch
        {
            PayoffPlan.Due due => TypedResults.Ok(due.Instructions),
            PayoffPlan.Done done => TypedResults.Ok(done.Instructions),
            PayoffPlan.Refused refused => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The order cannot be paid off",
                detail: $"orderId: {refused.Reason}", extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["orderId"] = [refused.Reason] } }),
            var other => throw new InvalidOperationException($"a payoff plan of kind {other.GetType().Name}"),
        };
    }
}
