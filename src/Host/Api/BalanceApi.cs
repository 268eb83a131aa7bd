using System.Security.Claims;
using System.Text.Json;
using Commerce.Actors.Custody;
using Commerce.Actors.Serialization;
using Commerce.Actors.Storage;
using Commerce.Chain.Crypto;
using Commerce.Host.Auth;
using Commerce.Host.Custody;
using Commerce.Payments.Deposits;
using Microsoft.Extensions.Options;

namespace Commerce.Host.Api;

/// <summary>A signed-in player reads its custodial balance (docs/ORDERS.md, "custodial"): what it can spend, what orders hold, its top-ups.</summary>
public static class BalanceApi
{
    public static IEndpointRouteBuilder MapBalanceApi(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/me").WithTags("Custody").RequireAuthorization(Roles.Player);
        me.MapGet("/balance", GetAsync)
            .Produces<BalanceResponse>(StatusCodes.Status200OK, "application/json")
            .WithSummary("The player's custodial ETH balance: spendable, held by orders in flight, and its deposits (top up by sending plain ETH to the custody address)");
        return app;
    }

    private static async Task<IResult> GetAsync(ClaimsPrincipal user, IGrainStore store, IOptions<DepositWatcherOptions> deposits, CancellationToken ct)
    {
        var wallet = user.PlayerId();
        var stored = await store.LoadStateAsync(CustodyAccountGrain.TypeName, wallet, ct);
        var account = (stored is null ? null : JsonSerializer.Deserialize(stored.Json, GrainJsonContext.Default.CustodyAccountState))
            ?? CustodyAccountState.New(wallet);
        // Named only where deposits are watched: ETH sent to an address nobody follows would never be credited.
        var custody = deposits.Value.Enabled && EthAddress.TryParse(deposits.Value.CustodyAddress, out var address) ? address.ToString() : null;
        var response = new BalanceResponse(
            wallet,
            custody,
            new Dictionary<string, string> { [CustodyAccountGrain.Currency] = account.Available },
            new Dictionary<string, string> { [CustodyAccountGrain.Currency] = account.Held },
            [.. account.Deposits.Reverse().Select(d => new BalanceDeposit(d.TransactionHash, d.Amount, d.Confirmed))]);
        return TypedResults.Json(response, CustodyJsonContext.Default.BalanceResponse);
    }
}
