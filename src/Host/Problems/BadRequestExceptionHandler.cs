using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Commerce.Host.Problems;

/// <summary>
/// Turns request-level failures (unreadable JSON, a body over the size limit) into ProblemDetails
/// with the right status, instead of a bare 400 or 500.
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (exception is not BadHttpRequestException bad)
            return false;
        var tooLarge = bad.StatusCode == StatusCodes.Status413PayloadTooLarge;
        context.Response.StatusCode = bad.StatusCode;
        var field = tooLarge ? "body" : FieldOf(bad.InnerException as JsonException);
        var problem = new HttpValidationProblemDetails(new Dictionary<string, string[]>
        {
            [field] = [tooLarge ? "the request body is larger than allowed"
                : field == "body" ? "the request body is not valid JSON for this endpoint"
                : "has the wrong type or size, or is not a field of this endpoint"],
        })
        {
            Status = bad.StatusCode,
            Title = tooLarge ? "Request body too large" : "The request is not valid",
            Detail = bad.InnerException?.Message ?? bad.Message,
        };
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>
    /// The field a JSON error is about, from its path ("$.quote.installments" is "quote.installments"); "body" when the
    /// JSON itself is broken (no path past the root).
    /// </summary>
    internal static string FieldOf(JsonException? json)
    {
        var path = json?.Path;
        // A syntax error (the reader's) is about the body as a whole, wherever it stopped.
        if (json?.InnerException?.GetType().Name == "JsonReaderException")
            return "body";
        if (path is null || (path != "$" && !path.StartsWith("$.", StringComparison.Ordinal)))
            return "body";
        var field = path.Length > 2 ? path[2..] : "";
        // An unknown member's path ends at the object that holds it; the message names the member.
        if (json!.Message.StartsWith("The JSON property '", StringComparison.Ordinal) && json.Message.IndexOf('\'', 19) is > 19 and var end)
        {
            var member = json.Message[19..end];
            return field.EndsWith(member, StringComparison.Ordinal) ? field : $"{field}.{member}".TrimStart('.');
        }
        return field.Length > 0 ? field : "body";
    }
}
