using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;
using Commerce.Events.Player;
using Commerce.Events.Topics;
using Commerce.Host.Auth;
using Commerce.Host.Problems;
using Commerce.Host.RateLimits;
using Commerce.Messaging.Producing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Commerce.Host.Api;

/// <summary>Sign-In with Ethereum (EIP-4361): a challenge to sign, then a token bound to the wallet.</summary>
public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Players: sign-in").AllowAnonymous().RateLimited(RateLimitGroup.SignIn);
        group.MapPost("/challenge", Challenge).WithSummary("A Sign-In with Ethereum message for this wallet to sign")
            .Produces<ChallengeResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapPost("/sign-in", SignInAsync).WithSummary("Exchanges the signed message for a bearer token");
        return app;
    }

    private static IResult Challenge(ChallengeRequest body, SignInChallenges challenges, WalletSignInLimiter perWallet, HttpContext http)
    {
        if (string.IsNullOrWhiteSpace(body.Address))
            return Problem.Field("address", "is required");
        EthAddress address;
        try
        {
            address = EthAddress.Parse(body.Address, "address");
        }
        catch (HexFormatException ex)
        {
            return Problem.Field("address", ex.Message[(ex.Field.Length + 2)..]);
        }
        if (perWallet.Refusal(http, address.ToString()) is { } tooMany)
            return tooMany;
        var message = challenges.Issue(address);
        return TypedResults.Ok(new ChallengeResponse(message.Format(), message.Nonce, message.ExpirationTime!.Value));
    }

    private static async Task<Results<Ok<SignInResponse>, ValidationProblem>> SignInAsync(
        SignInRequest body, SignInChallenges challenges, TokenService tokens, EventProducer producer, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Message))
            return Problem.Field("message", "is required");
        if (string.IsNullOrWhiteSpace(body.Signature))
            return Problem.Field("signature", "is required");
        var (signer, field, error) = await challenges.VerifyAsync(body.Message, body.Signature, ct);
        if (signer is null)
            return Problem.Field(field!, error!);
        var playerId = signer.ToLowerHex();
        await producer.PublishAsync(TopicCatalog.PlayerEvents, playerId, new WalletLinked(playerId, signer.ToString()), ct: ct);
        var (token, expires) = tokens.Issue(playerId, Roles.Player);
        return TypedResults.Ok(new SignInResponse(token, playerId, expires));
    }
}
