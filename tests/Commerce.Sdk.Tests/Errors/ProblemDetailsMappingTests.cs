using Commerce.Sdk;

namespace Commerce.Sdk.Tests.Errors;

public sealed class ProblemDetailsMappingTests
{
    // Bodies as ASP.NET Core writes them (Results.ValidationProblem / Results.Problem), trace ids included.
    private const string AspNetValidationProblem =
        "{\"type\":\"https://tools.ietf.org/html/rfc9110#section-15.5.1\",\"title\":\"One or more validation errors occurred.\","
        + "\"status\":400,\"errors\":{\"dwellSeconds\":[\"dwellSeconds must be between 0 and 3600.\"],"
        + "\"itemId\":[\"itemId is required.\",\"itemId must be collection:tokenId.\"]},"
        + "\"traceId\":\"00-7f5b3b2e0c1f4f7d9a4e2b1c3d5e6f70-1a2b3c4d5e6f7081-00\"}";

    private const string AspNetForbidden =
        "{\"type\":\"https://tools.ietf.org/html/rfc9110#section-15.5.4\",\"title\":\"Forbidden\",\"status\":403,"
        + "\"detail\":\"Player 0xabc cannot act for 0xdef.\",\"traceId\":\"00-1-2-00\"}";

    [Theory]
    [InlineData(400, CommerceErrorKind.Validation)]
    [InlineData(422, CommerceErrorKind.Validation)]
    [InlineData(401, CommerceErrorKind.Unauthorized)]
    [InlineData(403, CommerceErrorKind.Forbidden)]
    [InlineData(404, CommerceErrorKind.NotFound)]
    [InlineData(409, CommerceErrorKind.Conflict)]
    [InlineData(413, CommerceErrorKind.PayloadTooLarge)]
    [InlineData(429, CommerceErrorKind.RateLimited)]
    [InlineData(500, CommerceErrorKind.Server)]
    [InlineData(503, CommerceErrorKind.Server)]
    [InlineData(599, CommerceErrorKind.Server)]
    [InlineData(418, CommerceErrorKind.Unexpected)]
    [InlineData(302, CommerceErrorKind.Unexpected)]
    public void Each_status_maps_to_its_kind(int status, CommerceErrorKind expected)
    {
        Assert.Equal(expected, CommerceApiException.FromHttpResponse(status, null).Kind);
    }

    [Fact]
    public void A_validation_problem_keeps_every_message_per_field()
    {
        var error = CommerceApiException.FromHttpResponse(400, AspNetValidationProblem);

        Assert.Equal("One or more validation errors occurred.", error.Title);
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.1", error.ProblemType);
        Assert.Null(error.Detail);
        Assert.Equal(["dwellSeconds must be between 0 and 3600."], error.Errors["dwellSeconds"]);
        Assert.Equal(["itemId is required.", "itemId must be collection:tokenId."], error.Errors["ITEMID"]);
        Assert.Equal(
            "400 One or more validation errors occurred. (dwellSeconds: dwellSeconds must be between 0 and 3600.; "
            + "itemId: itemId is required., itemId must be collection:tokenId.)",
            error.Message);
    }

    [Fact]
    public void A_forbidden_problem_keeps_title_and_detail()
    {
        var error = CommerceApiException.FromHttpResponse(403, AspNetForbidden);

        Assert.Equal(CommerceErrorKind.Forbidden, error.Kind);
        Assert.Equal(("Forbidden", "Player 0xabc cannot act for 0xdef."), (error.Title, error.Detail));
        Assert.Empty(error.Errors);
        Assert.Equal("403 Forbidden: Player 0xabc cannot act for 0xdef.", error.Message);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public void A_single_message_instead_of_a_list_is_tolerated()
    {
        var error = CommerceApiException.FromHttpResponse(400, "{\"title\":\"Bad\",\"errors\":{\"address\":\"not hex\",\"n\":5}}");

        Assert.Equal(["not hex"], error.Errors["address"]);
        Assert.Empty(error.Errors["n"]);
    }

    [Theory]
    [InlineData(502, "<html><body>Bad gateway</body></html>", "Bad Gateway", "<html><body>Bad gateway</body></html>")]
    [InlineData(413, "", "Payload Too Large", null)]
    [InlineData(500, "   ", "Internal Server Error", null)]
    [InlineData(404, "[1,2]", "Not Found", "[1,2]")]
    [InlineData(401, "{\"status\":401}", "Unauthorized", null)]
    [InlineData(418, "{\"detail\":\"short and stout\"}", "HTTP 418", "short and stout")]
    public void A_body_that_is_not_problem_details_falls_back_to_the_reason_phrase(
        int status, string body, string title, string? detail)
    {
        var error = CommerceApiException.FromHttpResponse(status, body);

        Assert.Equal(status, error.StatusCode);
        Assert.Equal((title, detail), (error.Title, error.Detail));
    }

    [Fact]
    public void A_long_plain_body_is_cut_in_the_detail()
    {
        var error = CommerceApiException.FromHttpResponse(500, new string('x', 5000));

        Assert.Equal(203, error.Detail!.Length);
        Assert.EndsWith("...", error.Detail);
    }
}
