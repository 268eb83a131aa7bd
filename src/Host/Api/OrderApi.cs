using System.Globalization;
using System.Numerics;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Commerce.Actors.Orders;
using Commerce.Actors.Serialization;
using Commerce.Actors.Storage;
using Commerce.Chain.Contracts;
using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;
using Commerce.Events.Envelope;
using Commerce.Events.Orders;
using Commerce.Events.Topics;
using Commerce.Host.Api.Responses;
using Commerce.Host.Auth;
using Commerce.Host.Onchain;
using Commerce.Host.Orders;
using Commerce.Host.Problems;
using Commerce.Host.RateLimits;
using Commerce.Messaging.Producing;
using Commerce.Pricing.Live;
using Commerce.Pricing.Signing;
using Microsoft.Extensions.Options;

namespace Commerce.Host.Api;

/// <summary>A signed-in player orders an offered item against its signed quote (docs/ORDERS.md), and reads its orders.</summary>
public static class OrderApi
{
    public const string IdempotencyHeader = "Idempotency-Key";
    public const int MaxIdempotencyKeyLength = 128;

    private static readonly BigInteger MaxUint256 = (BigInteger.One << 256) - 1;

    public static IEndpointRouteBuilder MapOrderApi(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/api/me/orders").WithTags("Orders").RequireAuthorization(Roles.Player);
        orders.MapPost("/", PlaceAsync).RateLimited(RateLimitGroup.Orders).WithSummary("Orders an offered item against its signed quote; the order id is the quote's nonce")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        orders.MapGet("/{orderId}", GetAsync).WithSummary("One of the player's orders: its status, quote, payments seen and every step it went through")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> PlaceAsync(
        HttpContext http, OrderRequest body, ClaimsPrincipal user, IGrainStore store, EventProducer producer, TimeProvider clock,
        IOptions<LivePricingOptions> pricing, ChainSettings chain, IdempotencyKeys keys, IServiceProvider services, CancellationToken ct)
    {
        var idempotencyKey = http.Request.Headers[IdempotencyHeader].ToString();
        if (idempotencyKey.Length is 0 or > MaxIdempotencyKeyLength)
            return Problem.Field(IdempotencyHeader, $"the header is required, 1 to {MaxIdempotencyKeyLength} characters");
        if (string.IsNullOrWhiteSpace(body.ItemId))
            return Problem.Field("itemId", "is required");
        var colon = body.ItemId.LastIndexOf(':');
        if (body.ItemId.Length > 128 || colon <= 0 || colon == body.ItemId.Length - 1)
            return Problem.Field("itemId", "must look like \"collection:tokenId\" (at most 128 characters)");
        if (body.Quote is null)
            return Problem.Field("quote", "is required");
        var (parsed, quoteError) = ParseQuote(body.Quote);
        if (parsed is not { } quote)
            return Problem.Field(quoteError!.Value.Field, quoteError.Value.Message);
        if (string.IsNullOrWhiteSpace(body.Signature))
            return Problem.Field("signature", "is required");
        if (!IsHex(body.Signature, 65))
            return Problem.Field("signature", "must be 65 bytes (r || s || v) as 0x hex");
        var kindError = PaymentKindError(body.PaymentKind, quote);
        if (kindError is not null)
            return Problem.Field("paymentKind", kindError);

        var verifier = QuoteVerifier.From(services.GetService<Eip712QuoteSigner>(), pricing.Value);
        if (verifier is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Orders are not available",
                detail: "this instance knows no quote key (Pricing:QuoteKey) to check quotes with");
        if (!verifier.IsSignedByPlatform(quote, body.Signature))
            return Problem.Field("signature", "does not recover to the platform's quote key for this quote (altered, or not a platform quote)");
        var playerId = user.PlayerId();
        if (quote.Buyer.ToLowerHex() != playerId)
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                detail: "quote.buyer: the quote was issued to another wallet",
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["quote.buyer"] = ["must be your wallet"] } });
        var now = clock.GetUtcNow();
        if (quote.Expiry <= (ulong)now.ToUnixTimeSeconds())
            return Problem.Field("quote.expiry", $"the quote expired at {DateTimeOffset.FromUnixTimeSeconds((long)Math.Min(quote.Expiry, long.MaxValue / 2)):O}");
        // A quote lives at most Pricing:MaxQuoteLifetime from now, even one the platform's key signed (an event from the future).
        if (quote.Expiry > (ulong)(now + pricing.Value.MaxQuoteLifetime).ToUnixTimeSeconds())
            return Problem.Field("quote.expiry", $"is more than {pricing.Value.MaxQuoteLifetime} ahead (Pricing:MaxQuoteLifetime): a quote lives at most that long");
        var collection = body.ItemId[..colon];
        if (body.ItemId[(colon + 1)..] != quote.TokenId.ToString(CultureInfo.InvariantCulture) || !verifier.IsCollection(collection, quote.Collection))
            return Problem.Field("itemId", "is not the quote's item (quote.collection and quote.tokenId)");
        if (!await PlayerApi.IsListedAsync(store, body.ItemId, ct))
            return Problem.NotFound($"item {body.ItemId} is not listed");

        var orderId = HexString.Encode(quote.Nonce);
        var requestHash = Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(body, ApiJsonContext.Default.OrderRequest)));
        switch (await keys.ClaimAsync(playerId, idempotencyKey, requestHash, orderId, ct))
        {
            case IdempotencyClaim.Existing { RequestHash: var firstHash } when firstHash != requestHash:
                return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency-Key reused",
                    detail: $"{IdempotencyHeader}: the key \"{idempotencyKey}\" was used with another request body; use a new key for a new request",
                    extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [IdempotencyHeader] = ["was used with another request body"] } });
            case IdempotencyClaim.Existing { Status: { } status, Body: { } first }:
                http.Response.Headers["Idempotent-Replayed"] = "true";
                return Answer(http, status, first, orderId);
            case IdempotencyClaim.Existing:
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict",
                    detail: $"{IdempotencyHeader}: a request with the key \"{idempotencyKey}\" is still in progress; retry it in a moment");
            case IdempotencyClaim.OrderTaken:
                return Conflict(http, $"an order was already placed with this quote (order {orderId}) under another {IdempotencyHeader}");
        }
        try
        {
            var (status, answer) = await PlaceClaimedAsync(body, quote, playerId, orderId, idempotencyKey, store, producer, clock, chain, ct);
            if (status == StatusCodes.Status503ServiceUnavailable)
            {
                await keys.ReleaseAsync(playerId, idempotencyKey, CancellationToken.None);
                return TypedResults.Problem(statusCode: status, title: "The chain could not be read", detail: answer);
            }
            await keys.CompleteAsync(playerId, idempotencyKey, status, answer, CancellationToken.None);
            return Answer(http, status, answer, orderId);
        }
        catch
        {
            await keys.ReleaseAsync(playerId, idempotencyKey, CancellationToken.None);
            throw;
        }
    }

    /// <summary>
    /// Places an order whose key and quote this request holds: the status and body to answer (and to replay to a retry),
    /// or 503 with the reason (not stored: a retry may succeed).
    /// </summary>
    private static async Task<(int Status, string Body)> PlaceClaimedAsync(OrderRequest body, CheckoutQuote quote, string playerId, string orderId,
        string idempotencyKey, IGrainStore store, EventProducer producer, TimeProvider clock, ChainSettings chain, CancellationToken ct)
    {
        var deliverFromCheckout = false;
        if (body.PaymentKind == OrderGrain.CustodialKind && chain.Node is { } node)
        {
            // The platform delivers a custodial order itself: a mint, or the Checkout's release of a token it holds.
            var (holder, unreadable) = await TokenHolderAsync(new GameItemContract(node, quote.Collection), quote.TokenId, ct);
            if (unreadable is not null)
                return (StatusCodes.Status503ServiceUnavailable, $"who holds {body.ItemId} could not be read from the node: {unreadable}");
            if (holder is { } owner && owner != chain.Checkout)
                return ConflictBody($"item {body.ItemId} already belongs to {owner}");
            deliverFromCheckout = holder is not null;
        }

        // Orders placed before keys were stored: the stored order says under which key.
        if (await LoadStoredAsync(store, orderId, ct) is { Status: not OrderStatus.None } existing && existing.IdempotencyKey != idempotencyKey)
            return ConflictBody($"an order was already placed with this quote (order {orderId}) under another {IdempotencyHeader}");

        var placed = new OrderPlaced(orderId, playerId, playerId, body.ItemId!,
            new OrderQuote(
                quote.Collection.ToString(),
                quote.TokenId.ToString(CultureInfo.InvariantCulture),
                quote.Buyer.ToString(),
                quote.Currency.ToString(),
                quote.Price.ToString(CultureInfo.InvariantCulture),
                quote.Installments,
                (long)quote.Expiry,
                orderId),
            body.Signature!.ToLowerInvariant(), body.PaymentKind!, idempotencyKey, deliverFromCheckout);
        // The same order and key always make the same event id: a retried request is applied once by the order grain.
        var eventId = new Guid(SHA256.HashData(Encoding.UTF8.GetBytes($"order-placed|{orderId}|{idempotencyKey}")).AsSpan(0, 16));
        await producer.PublishAsync(TopicCatalog.OrderEvents, EventEnvelope.Create(orderId, placed, clock.GetUtcNow(), id: eventId), ct);
        return (StatusCodes.Status202Accepted, JsonSerializer.Serialize(new OrderAccepted(orderId), ApiJsonContext.Default.OrderAccepted));
    }

    /// <summary>A placement's answer as first given and as replayed: the same status and the same bytes.</summary>
    private static IResult Answer(HttpContext http, int status, string body, string orderId)
    {
        if (status == StatusCodes.Status202Accepted)
            http.Response.Headers.Location = $"/api/me/orders/{orderId}";
        return TypedResults.Text(body, status < 400 ? "application/json" : "application/problem+json", Encoding.UTF8, status);
    }

    private static IResult Conflict(HttpContext http, string detail)
    {
        var (status, body) = ConflictBody(detail);
        return Answer(http, status, body, "");
    }

    private static (int Status, string Body) ConflictBody(string detail) =>
        (StatusCodes.Status409Conflict, new System.Text.Json.Nodes.JsonObject
        {
            ["type"] = "https://tools.ietf.org/html/rfc9110#section-15.5.10",
            ["title"] = "Conflict",
            ["status"] = StatusCodes.Status409Conflict,
            ["detail"] = detail,
        }.ToJsonString());

    /// <summary>Read through the order's grain (not the store): a push the order sent is never ahead of what this answers.</summary>
    private static async Task<Microsoft.AspNetCore.Http.HttpResults.Results<Microsoft.AspNetCore.Http.HttpResults.Ok<OrderView>, Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>> GetAsync(string orderId, ClaimsPrincipal user, IGrainFactory grains, IGrainStore store, CancellationToken ct)
    {
        if (await LoadOwnAsync(grains, store, user, orderId, ct) is not { } order)
            return NotYourOrder(orderId);
        return TypedResults.Ok(OrderView.Of(order));
    }

    /// <summary>The token's owner, null when it does not exist yet; or why the node could not say.</summary>
    private static async Task<(EthAddress? Owner, string? Unreadable)> TokenHolderAsync(GameItemContract collection, BigInteger tokenId, CancellationToken ct)
    {
        try
        {
            return (await collection.ExistsAsync(tokenId, ct) ? await collection.OwnerOfAsync(tokenId, ct) : null, null);
        }
        catch (Exception e) when (e is HttpRequestException or Commerce.Chain.JsonRpc.JsonRpcException or TimeoutException)
        {
            return (null, e.Message);
        }
    }

    /// <summary>
    /// The caller's own order <paramref name="orderId"/> (any case of its hex), through <see cref="LoadAsync"/>; null when
    /// none was placed or it is another player's (answered alike, <see cref="NotYourOrder"/>, so ids of others' orders are not told).
    /// </summary>
    internal static async Task<OrderState?> LoadOwnAsync(IGrainFactory grains, IGrainStore store, ClaimsPrincipal user, string orderId, CancellationToken ct) =>
        await LoadAsync(grains, store, orderId.ToLowerInvariant(), ct) is { } order && order.PlayerId == user.PlayerId() ? order : null;

    /// <summary>The 404 for an order that is not the caller's (or does not exist).</summary>
    internal static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotYourOrder(string orderId) =>
        Problem.NotFound($"order {orderId} is not one of your orders");

    /// <summary>
    /// The placed order of <paramref name="orderId"/>, from its grain; null when none was placed. While the cluster cannot
    /// reach the grain (a host just died and its grains are moving), the stored order is answered instead.
    /// </summary>
    internal static async Task<OrderState?> LoadAsync(IGrainFactory grains, IGrainStore store, string orderId, CancellationToken ct)
    {
        try
        {
            return await grains.GetGrain<IOrderGrain>(orderId).GetStateAsync().WaitAsync(ct);
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            return await LoadStoredAsync(store, orderId, ct);
        }
    }

    /// <summary>The order as stored (what its grain last wrote), null when none was placed.</summary>
    private static async Task<OrderState?> LoadStoredAsync(IGrainStore store, string orderId, CancellationToken ct)
    {
        var stored = await store.LoadStateAsync(OrderGrain.TypeName, orderId, ct);
        return stored is null ? null : JsonSerializer.Deserialize(stored.Json, GrainJsonContext.Default.OrderState);
    }

    internal static (CheckoutQuote? Quote, (string Field, string Message)? Error) ParseQuote(OrderQuoteRequest q)
    {
        if (Address(q.Collection) is not { } collection)
            return (null, ("quote.collection", "must be a 0x address (40 hex digits)"));
        if (Integer(q.TokenId) is not { } tokenId)
            return (null, ("quote.tokenId", "must be a decimal integer (uint256) as a string"));
        if (Address(q.Buyer) is not { } buyer)
            return (null, ("quote.buyer", "must be a 0x address (40 hex digits)"));
        if (Address(q.Currency) is not { } currency)
            return (null, ("quote.currency", "must be a 0x address (40 hex digits; the zero address for ETH)"));
        if (Integer(q.Price) is not { } price || price.IsZero)
            return (null, ("quote.price", "must be a positive decimal integer (base units, uint256) as a string"));
        if (q.Installments is not { } installments || installments < 1 || installments > InstallmentSchedule.MaxInstallments)
            return (null, ("quote.installments", $"must be 1 to {InstallmentSchedule.MaxInstallments}"));
        if (q.Expiry is not { } expiry || expiry <= 0)
            return (null, ("quote.expiry", "must be unix seconds"));
        if (!IsHex(q.Nonce, 32))
            return (null, ("quote.nonce", "must be 32 bytes as 0x hex"));
        return (new CheckoutQuote
        {
            Collection = collection,
            TokenId = tokenId,
            Buyer = buyer,
            Currency = currency,
            Price = price,
            Installments = (ushort)installments,
            Expiry = (ulong)expiry,
            Nonce = HexString.Decode(q.Nonce, "quote.nonce"),
        }, null);
    }

    private static string? PaymentKindError(string? kind, CheckoutQuote quote) => kind switch
    {
        null or "" => "is required: eth, stablecoin, installments or custodial",
        "eth" when !quote.IsEth => "eth needs a quote in ETH (quote.currency the zero address)",
        "stablecoin" when quote.IsEth => "stablecoin needs a quote in a token (quote.currency not the zero address)",
        "eth" or "stablecoin" when quote.Installments != 1 => $"{kind} pays in full: the quote has {quote.Installments} installments (use installments)",
        "installments" when quote.Installments < 2 => "installments needs a quote with quote.installments of 2 or more",
        "custodial" when !quote.IsEth => "custodial pays from the ETH balance: the quote must be in ETH (quote.currency the zero address)",
        "custodial" when quote.Installments != 1 => $"custodial pays in full: the quote has {quote.Installments} installments",
        "eth" or "stablecoin" or "installments" or "custodial" => null,
        _ => "must be eth, stablecoin, installments or custodial",
    };

    private static EthAddress? Address(string? text) => EthAddress.TryParse(text, out var address) ? address : null;

    private static BigInteger? Integer(string? text) =>
        text is { Length: > 0 and <= 78 } && BigInteger.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= MaxUint256
            ? value
            : null;

    internal static bool IsHex(string? text, int bytes) =>
        text is not null && text.Length == 2 + 2 * bytes && text.StartsWith("0x", StringComparison.Ordinal)
        && text.AsSpan(2).IndexOfAnyExcept("0123456789abcdefABCDEF") < 0;
}
