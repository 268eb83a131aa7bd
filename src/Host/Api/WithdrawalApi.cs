using System.Globalization;
using System.Numerics;
using System.Security.Claims;
using System.Text.Json;
using Commerce.Actors.Custody;
using Commerce.Actors.Serialization;
using Commerce.Actors.Storage;
using Commerce.Chain.Crypto;
using Commerce.Events.Custody;
using Commerce.Host.Auth;
using Commerce.Host.Custody;
using Commerce.Host.Problems;
using Commerce.Host.RateLimits;

namespace Commerce.Host.Api;

/// <summary>
/// Withdrawing a custodial balance to the player's own wallet (docs/ORDERS.md, "Withdrawing"): the custody account grain
/// debits once per Idempotency-Key within its limits and asks the executor for one plain transfer; a failed transfer
/// gives the amount back. The player's withdrawals are listed newest first.
/// </summary>
public static class WithdrawalApi
{
    /// <summary>The longest withdrawal id (Idempotency-Key) taken; letters, digits, '-' and '_' only.</summary>
    public const int MaxKeyLength = 64;

    public static IEndpointRouteBuilder MapWithdrawalApi(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/me").WithTags("Custody").RequireAuthorization(Roles.Player);
        me.MapPost("/withdrawals", WithdrawAsync).RateLimited(RateLimitGroup.Orders)
            .Produces<WithdrawalView>(StatusCodes.Status202Accepted, "application/json")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).Produces(StatusCodes.Status401Unauthorized)
            .WithSummary("Withdraws wei of the custodial balance to the player's wallet through the executor: debited once per Idempotency-Key "
                + "(a retry answers the same withdrawal), within the per-withdrawal and daily limits; a failed transfer gives the amount back");
        me.MapGet("/withdrawals", ListAsync)
            .Produces<IReadOnlyList<WithdrawalView>>(StatusCodes.Status200OK, "application/json")
            .WithSummary("The player's withdrawals, newest first: pending, completed (with the transaction) or failed (the amount came back)");
        return app;
    }

    private static async Task<IResult> WithdrawAsync(HttpRequest http, WithdrawalRequest? body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var wallet = user.PlayerId();
        var key = http.Headers[OrderApi.IdempotencyHeader].ToString();
        if (string.IsNullOrEmpty(key))
            return Problem.Field(OrderApi.IdempotencyHeader, "is required: the withdrawal's id, so a retried request moves money once");
        if (key.Length > MaxKeyLength || !key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            return Problem.Field(OrderApi.IdempotencyHeader, $"must be 1 to {MaxKeyLength} letters, digits, '-' or '_'");
        if (body is null)
            return Problem.Field("body", "is required: {\"amount\": \"<wei>\"}");
        if (string.IsNullOrWhiteSpace(body.Amount))
            return Problem.Field("amount", "is required (wei, a decimal string)");
        if (body.Amount.Length > 78 || !BigInteger.TryParse(body.Amount, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount.IsZero)
            return Problem.Field("amount", "must be a positive whole number of wei as a decimal string");
        if (body.To is not null)
        {
            if (!EthAddress.TryParse(body.To, out var to))
                return Problem.Field("to", "must be a 0x address of 20 bytes");
            if (to.ToLowerHex() != wallet)
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                    detail: "to: a custodial balance is withdrawn to its own wallet only",
                    extensions: Errors("to", "a custodial balance is withdrawn to its own wallet only"));
        }

        var answer = await grains.GetGrain<ICustodyAccountGrain>(wallet).WithdrawAsync(
            new WithdrawalRequested(wallet, key, amount.ToString(CultureInfo.InvariantCulture)));
        return answer.Events.Single().Payload switch
        {
            WithdrawalAccepted a when a.Amount != amount.ToString(CultureInfo.InvariantCulture) =>
                TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency-Key reused",
                    detail: $"{OrderApi.IdempotencyHeader}: already used for a withdrawal of {a.Amount} wei",
                    extensions: Errors(OrderApi.IdempotencyHeader, $"already used for a withdrawal of {a.Amount} wei")),
            WithdrawalAccepted a => TypedResults.Json(View(a), CustodyJsonContext.Default.WithdrawalView, statusCode: StatusCodes.Status202Accepted),
            WithdrawalRefused r => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The withdrawal was refused",
                detail: $"{r.Field}: {r.Reason}", extensions: Errors(r.Field, r.Reason)),
            var other => throw new InvalidOperationException($"a withdrawal was answered {other.GetType().Name}"),
        };
    }

    private static async Task<IResult> ListAsync(ClaimsPrincipal user, IGrainStore store, CancellationToken ct)
    {
        var wallet = user.PlayerId();
        var stored = await store.LoadStateAsync(CustodyAccountGrain.TypeName, wallet, ct);
        var account = stored is null ? null : JsonSerializer.Deserialize(stored.Json, GrainJsonContext.Default.CustodyAccountState);
        IReadOnlyList<WithdrawalView> views = [.. (account?.Withdrawals ?? []).OrderByDescending(w => w.RequestedAt)
            .Select(w => new WithdrawalView(w.WithdrawalId, w.Amount, wallet, w.Status, w.TransactionHash, w.Reason, w.RequestedAt))];
        return TypedResults.Json(views, CustodyJsonContext.Default.IReadOnlyListWithdrawalView);
    }

    private static WithdrawalView View(WithdrawalAccepted a) => new(a.WithdrawalId, a.Amount, a.Wallet, a.Status, a.TransactionHash, null, a.RequestedAt);

    private static Dictionary<string, object?> Errors(string field, string message) =>
        new() { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } };
}
