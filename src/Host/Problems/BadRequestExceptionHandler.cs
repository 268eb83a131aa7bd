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
        var problem = new HttpValidationProblemDetails(new Dictionary<string, string[]>
        {
            ["body"] = [tooLarge ? "the request body is larger than allowed" : "the request body is not valid JSON for this endpoint"],
        })
        {
            Status = bad.StatusCode,
            Title = tooLarge ? "Request body too large" : "The request is not valid",
            Detail = bad.InnerException?.Message ?? bad.Message,
        };
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }
}
