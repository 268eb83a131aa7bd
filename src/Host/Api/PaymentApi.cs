using System.Globalization;
using System.Security.Claims;
using Commerce.Chain.Contracts;
using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;
using Commerce.Actors.Storage;
using Commerce.Host.Auth;
using Commerce.Host.RateLimits;
using Commerce.Host.Onchain;
using Commerce.Host.Orders;
using Commerce.Host.Problems;
using Commerce.Pricing.Live;
using Commerce.Pricing.Signing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Commerce.Host.Api;

/// <summary>
/// Paying from the player's own wallet (docs/ORDERS.md): an installment quote derived from a full-price one, and the
/// transactions an order needs next.
/// </summary>
public static class PaymentApi
{
    public static IEndpointRouteBuilder MapPaymentApi(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/me").RequireAuthorization(Roles.Player);
        me.MapGet("/orders/{orderId}/payment", GetPaymentAsync).WithTags("Orders")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).Produces(StatusCodes.Status401Unauthorized)
            .WithSummary("What the player's wallet must send next for the order: to, calldata and value per step (none while placed or when nothing is due)");
        me.MapPost("/quotes/installments", InstallmentQuote).WithTags("Orders").RateLimited(RateLimitGroup.Orders)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .Produces(StatusCodes.Status401Unauthorized)
            .WithSummary("The platform's quote for the same item and price in N installments (2..24), signed by the quote key; deterministic");
        return app;
    }

    private static async Task<Results<Ok<PaymentInstructions>, ValidationProblem, ProblemHttpResult>> GetPaymentAsync(
        string orderId, ClaimsPrincipal user, IGrainFactory grains, IGrainStore store, PaymentPlanner planner, CancellationToken ct)
    {
        if (!OrderApi.IsHex(orderId, 32))
            return Problem.Field("orderId", "must be 32 bytes as 0x hex (the quote's nonce)");
        if (await OrderApi.LoadOwnAsync(grains, store, user, orderId, ct) is not { } order)
            return OrderApi.NotYourOrder(orderId);
        return TypedResults.Ok(await planner.PlanAsync(order, ct));
    }

    private static Results<Ok<SignedQuoteResponse>, ValidationProblem, ProblemHttpResult> InstallmentQuote(
        InstallmentQuoteRequest body, ClaimsPrincipal user, TimeProvider clock, IOptions<LivePricingOptions> pricing, IServiceProvider services)
    {
        if (body.Quote is null)
            return Problem.Field("quote", "is required");
        var (parsed, quoteError) = OrderApi.ParseQuote(body.Quote);
        if (parsed is not { } quote)
            return Problem.Field(quoteError!.Value.Field, quoteError.Value.Message);
        if (string.IsNullOrWhiteSpace(body.Signature))
            return Problem.Field("signature", "is required");
        if (!OrderApi.IsHex(body.Signature, 65))
            return Problem.Field("signature", "must be 65 bytes (r || s || v) as 0x hex");
        if (body.Installments is not { } installments)
            return Problem.Field("installments", "is required");
        if (installments is < 2 or > InstallmentSchedule.MaxInstallments)
            return Problem.Field("installments", $"must be 2 to {InstallmentSchedule.MaxInstallments}");
        if (quote.Installments != 1)
            return Problem.Field("quote.installments", "must be 1: installments are derived from a quote to pay in full");
        if (quote.Price < installments)
            return Problem.Field("installments", $"the price ({quote.Price} base units) must be at least the number of installments");

        var verifier = QuoteVerifier.From(services.GetService<Eip712QuoteSigner>(), pricing.Value);
        if (verifier is null || string.IsNullOrWhiteSpace(pricing.Value.QuoteKey))
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Installment quotes are not available",
                detail: "this instance has no configured quote key (Pricing:QuoteKey) to sign installment quotes with");
        var key = EthPrivateKey.FromHex(pricing.Value.QuoteKey, "Pricing:QuoteKey");
        if (key.Address != verifier.QuoteKey)
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Installment quotes are not available",
                detail: "Pricing:QuoteKey is not the key this instance's quotes are signed with");
        if (!verifier.IsSignedByPlatform(quote, body.Signature))
            return Problem.Field("signature", "does not recover to the platform's quote key for this quote (altered, or not a platform quote)");
        if (quote.Buyer.ToLowerHex() != user.PlayerId())
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                detail: "quote.buyer: the quote was issued to another wallet",
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["quote.buyer"] = ["must be your wallet"] } });
        if (quote.Expiry <= (ulong)clock.GetUtcNow().ToUnixTimeSeconds())
            return Problem.Field("quote.expiry", $"the quote expired at {DateTimeOffset.FromUnixTimeSeconds((long)Math.Min(quote.Expiry, long.MaxValue / 2)):O}");

        var (derived, signature) = InstallmentQuotes.Derive(quote, installments, key, verifier);
        return TypedResults.Ok(new SignedQuoteResponse(ToFields(derived), signature.ToHex()));
    }

    internal static QuoteFields ToFields(CheckoutQuote quote) => new(
        quote.Collection.ToString(),
        quote.TokenId.ToString(CultureInfo.InvariantCulture),
        quote.Buyer.ToString(),
        quote.Currency.ToString(),
        quote.Price.ToString(CultureInfo.InvariantCulture),
        quote.Installments,
        (long)quote.Expiry,
        HexString.Encode(quote.Nonce));
}
