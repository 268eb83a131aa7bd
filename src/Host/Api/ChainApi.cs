using System.Globalization;
using System.Security.Claims;
using Commerce.Chain.Crypto;
using Commerce.Host.Auth;
using Commerce.Host.Embedded;
using Commerce.Host.Onchain;
using Commerce.Host.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Commerce.Host.Api;

/// <summary>The chain a game client pays on (<c>GET /api/chain</c>) and, on the embedded dev chain only, the faucet.</summary>
public static class ChainApi
{
    public static IEndpointRouteBuilder MapChainApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/chain", GetChain).WithTags("Chain").AllowAnonymous().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The chain id, the node to send to, the Checkout, the currencies and the collections' contracts; 404 when no chain is configured");
        app.MapPost("/api/dev/faucet", FaucetAsync).WithTags("Chain").RequireAuthorization(Roles.Player)
            .ProducesProblem(StatusCodes.Status404NotFound).Produces(StatusCodes.Status401Unauthorized)
            .WithSummary("Dev chain only (404 otherwise): tops the caller's wallet up to at least 100 ETH and 1,000,000 USDC");
        return app;
    }

    private static Results<Ok<ChainInfoResponse>, ProblemHttpResult> GetChain(ChainSettings chain)
    {
        if (!chain.IsConfigured)
            return Problem.NotFound("no chain is configured on this instance (Pricing:CheckoutAddress is the zero address)");
        return TypedResults.Ok(new ChainInfoResponse(
            chain.ChainId,
            chain.PublicRpcUrl,
            chain.Checkout.ToString(),
            chain.Custody?.ToString(),
            chain.InstallmentIntervalSeconds,
            chain.Currencies.ToDictionary(c => c.Key, c => new CurrencyInfo(c.Value.Token.ToString(), c.Value.Decimals), StringComparer.Ordinal),
            chain.Collections.ToDictionary(c => c.Key, c => c.Value.ToString(), StringComparer.Ordinal)));
    }

    private static async Task<Results<Ok<FaucetResponse>, ProblemHttpResult>> FaucetAsync(ClaimsPrincipal user, IServiceProvider services, CancellationToken ct)
    {
        if (services.GetService<DevFaucet>() is not { } faucet)
            return Problem.NotFound("the faucet exists only while the embedded dev chain runs (commerce demo)");
        var wallet = EthAddress.Parse(user.PlayerId(), "wallet");
        var (eth, usdc) = await faucet.TopUpAsync(wallet, ct);
        return TypedResults.Ok(new FaucetResponse(wallet.ToString(), eth.ToString(CultureInfo.InvariantCulture), usdc.ToString(CultureInfo.InvariantCulture)));
    }
}
