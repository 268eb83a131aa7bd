using System.Security.Claims;
using Commerce.Conversation;
using Commerce.Conversation.Answering;
using Commerce.Host.Auth;
using Commerce.Host.Problems;
using Commerce.Host.RateLimits;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Commerce.Host.Api;

/// <summary>The chatbot: a signed-in player's question about an item, answered from live grain state (src/Conversation).</summary>
public static class ChatApi
{
    public static IEndpointRouteBuilder MapChatApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/me/chat", AskAsync).WithTags("Players").RequireAuthorization(Roles.Player).RateLimited(RateLimitGroup.Chat)
            .WithSummary("Answers a question about an item from its live state and the price offered to the caller; publishes ChatIntentDetected")
            .ProducesProblem(StatusCodes.Status404NotFound).Produces(StatusCodes.Status401Unauthorized).Produces(StatusCodes.Status429TooManyRequests);
        return app;
    }

    private static async Task<Results<Ok<ChatResponse>, ValidationProblem, ProblemHttpResult>> AskAsync(
        ChatRequest body, ClaimsPrincipal user, ChatService chat, ChatOptions options, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Text))
            return Problem.Field("text", "is required");
        if (body.Text.Length > options.MaxTextLength)
            return Problem.Field("text", $"must be at most {options.MaxTextLength} characters");
        if (body.Text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            return Problem.Field("text", "must not contain control characters");
        if (body.ItemId is not null && (body.ItemId.Length is 0 or > 128 || !body.ItemId.Contains(':')))
            return Problem.Field("itemId", "must look like \"collection:tokenId\" (at most 128 characters)");

        var outcome = await chat.AskAsync(new ChatQuestion(user.PlayerId(), body.Text, body.ItemId), ct);
        return outcome switch
        {
            ChatOutcome.Answered answered => TypedResults.Ok(ChatResponse.Of(answered.Reply)),
            ChatOutcome.ItemNotListed missing => Problem.NotFound($"item {missing.ItemId} is not listed"),
            _ => throw new InvalidOperationException($"unexpected chat outcome {outcome.GetType().Name}"),
        };
    }
}
