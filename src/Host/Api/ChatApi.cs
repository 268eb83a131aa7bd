using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Commerce.Conversation;
using Commerce.Conversation.Answering;
using Commerce.Host.Auth;
using Commerce.Host.Orders;
using Commerce.Host.Problems;
using Commerce.Host.RateLimits;

namespace Commerce.Host.Api;

/// <summary>The chatbot: a signed-in player's question about an item, answered from live grain state (src/Conversation).</summary>
public static class ChatApi
{
    public static IEndpointRouteBuilder MapChatApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/me/chat", AskAsync).WithTags("Players").RequireAuthorization(Roles.Player).RateLimited(RateLimitGroup.Chat)
            .WithSummary("Answers a question about an item from its live state and the price offered to the caller; publishes ChatIntentDetected. With an Idempotency-Key, a retry gets the first answer")
            .Produces<ChatResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).Produces(StatusCodes.Status401Unauthorized).Produces(StatusCodes.Status429TooManyRequests);
        return app;
    }

    private static async Task<IResult> AskAsync(
        HttpContext http, ChatRequest body, ClaimsPrincipal user, ChatService chat, ChatOptions options, IdempotencyKeys keys, CancellationToken ct)
    {
        var hasKey = http.Request.Headers.TryGetValue(OrderApi.IdempotencyHeader, out var keyValues);
        var key = keyValues.ToString();
        if (hasKey && key.Length is 0 or > OrderApi.MaxIdempotencyKeyLength)
            return Problem.Field(OrderApi.IdempotencyHeader, $"must be 1 to {OrderApi.MaxIdempotencyKeyLength} characters");
        if (string.IsNullOrWhiteSpace(body.Text))
            return Problem.Field("text", "is required");
        if (body.Text.Length > options.MaxTextLength)
            return Problem.Field("text", $"must be at most {options.MaxTextLength} characters");
        if (body.Text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            return Problem.Field("text", "must not contain control characters");
        if (body.ItemId is not null && (body.ItemId.Length is 0 or > 128 || !body.ItemId.Contains(':')))
            return Problem.Field("itemId", "must look like \"collection:tokenId\" (at most 128 characters)");

        var playerId = user.PlayerId();
        if (!hasKey)
            return Answer(await AskOnceAsync(chat, playerId, body, ct));

        var requestHash = Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(body, ApiJsonContext.Default.ChatRequest)));
        switch (await keys.ClaimAsync(playerId, key, requestHash, ct))
        {
            case IdempotencyClaim.Existing { RequestHash: var firstHash } when firstHash != requestHash:
                return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency-Key reused",
                    detail: $"{OrderApi.IdempotencyHeader}: the key \"{key}\" was used with another request body; use a new key for a new request",
                    extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [OrderApi.IdempotencyHeader] = ["was used with another request body"] } });
            case IdempotencyClaim.Existing { Status: { } status, Body: { } first }:
                http.Response.Headers["Idempotent-Replayed"] = "true";
                return TypedResults.Text(first, "application/json", Encoding.UTF8, status);
            case IdempotencyClaim.Existing or IdempotencyClaim.OrderTaken:
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict",
                    detail: $"{OrderApi.IdempotencyHeader}: a request with the key \"{key}\" is still in progress; retry it in a moment");
        }
        try
        {
            var outcome = await AskOnceAsync(chat, playerId, body, ct);
            if (outcome is not ChatOutcome.Answered answered)
            {
                await keys.ReleaseAsync(playerId, key, CancellationToken.None); // nothing was said or published: the key stays free
                return Answer(outcome);
            }
            var json = JsonSerializer.Serialize(ChatResponse.Of(answered.Reply), ApiJsonContext.Default.ChatResponse);
            await keys.CompleteAsync(playerId, key, StatusCodes.Status200OK, json, CancellationToken.None);
            return TypedResults.Text(json, "application/json", Encoding.UTF8, StatusCodes.Status200OK);
        }
        catch
        {
            await keys.ReleaseAsync(playerId, key, CancellationToken.None);
            throw;
        }
    }

    private static Task<ChatOutcome> AskOnceAsync(ChatService chat, string playerId, ChatRequest body, CancellationToken ct) =>
        chat.AskAsync(new ChatQuestion(playerId, body.Text!, body.ItemId), ct);

    private static IResult Answer(ChatOutcome outcome) => outcome switch
    {
        ChatOutcome.Answered answered => TypedResults.Ok(ChatResponse.Of(answered.Reply)),
        ChatOutcome.ItemNotListed missing => Problem.NotFound($"item {missing.ItemId} is not listed"),
        _ => throw new InvalidOperationException($"unexpected chat outcome {outcome.GetType().Name}"),
    };
}
