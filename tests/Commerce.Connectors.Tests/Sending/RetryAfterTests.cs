using System.Net.Http.Headers;
using Commerce.Connectors.Webhooks.Sending;

namespace Commerce.Connectors.Tests.Sending;

public sealed class RetryAfterTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("120", 120)]
    [InlineData("0", 0)]
    [InlineData("Sun, 01 Mar 2026 12:00:30 GMT", 30)]
    [InlineData("Sun, 01 Mar 2026 11:00:00 GMT", 0)]
    public void Retry_After_is_read_as_seconds_or_as_a_date(string value, int expectedSeconds)
    {
        using var response = new HttpResponseMessage();
        response.Headers.TryAddWithoutValidation("Retry-After", value);

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), RetryAfter.From(response.Headers, Now));
    }

    [Fact]
    public void No_Retry_After_leaves_the_backoff_in_charge()
    {
        using var response = new HttpResponseMessage();

        Assert.Null(RetryAfter.From(response.Headers, Now));
    }
}
