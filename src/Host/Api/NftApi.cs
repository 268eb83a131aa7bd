using System.Security.Claims;
using Commerce.Host.Auth;
using Commerce.Host.Onchain;
using Commerce.Host.RateLimits;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Commerce.Host.Api;

/// <summary>The NFTs the signed-in player's wallet owns.</summary>
public static class NftApi
{
    public static IEndpointRouteBuilder MapNftApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me/nfts", ListAsync).WithTags("Players").RequireAuthorization(Roles.Player).RateLimited(RateLimitGroup.Nfts).Produces(StatusCodes.Status401Unauthorized)
            .WithSummary("Items the caller's wallet owns, checked on chain (ownerOf) when a chain is configured");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<OwnedNft>>> ListAsync(ClaimsPrincipal user, NftOwnership nfts, CancellationToken ct) =>
        TypedResults.Ok(await nfts.ListAsync(user.PlayerId(), ct));
}
