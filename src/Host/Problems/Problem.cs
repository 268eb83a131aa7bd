using Microsoft.AspNetCore.Http.HttpResults;

namespace Commerce.Host.Problems;

/// <summary>ProblemDetails results that name the field at fault.</summary>
public static class Problem
{
    public static ValidationProblem Field(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] },
            title: "The request is not valid", detail: $"{field}: {message}");

    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: what);

    /// <summary>A 409 naming <paramref name="field"/> (in detail and in errors, as a validation problem does), with optional extensions.</summary>
    public static ProblemHttpResult Conflict(string title, string field, string message, IReadOnlyDictionary<string, object?>? extensions = null)
    {
        var all = new Dictionary<string, object?>(extensions ?? new Dictionary<string, object?>())
        {
            ["errors"] = new Dictionary<string, string[]> { [field] = [message] },
        };
        return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: $"{field}: {message}", extensions: all);
    }

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail);
}
