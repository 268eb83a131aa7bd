using System.Text;
using Commerce.Connectors.Webhooks;

namespace Commerce.Connectors.Tests.Webhooks;

public sealed class WebhookSignerTests
{
    [Theory]
    [MemberData(nameof(SpecVectors.All), MemberType = typeof(SpecVectors))]
    public void Signing_matches_the_known_answer(string secret, string id, long timestamp, string body, string expected)
    {
        var headers = new WebhookSigner(WebhookSecret.Parse(secret)).Sign(id, timestamp, Encoding.UTF8.GetBytes(body));

        Assert.Equal(expected, headers.Signature);
        Assert.Equal(id, headers.Id);
        Assert.Equal(timestamp.ToString(), headers.TimestampText);
    }

    [Fact]
    public void Signing_with_two_secrets_sends_both_signatures_space_separated()
    {
        var other = WebhookSecret.Generate();
        var body = Encoding.UTF8.GetBytes(SpecVectors.Body);

        var headers = new WebhookSigner([WebhookSecret.Parse(SpecVectors.Secret), other]).Sign(SpecVectors.MessageId, SpecVectors.Timestamp, body);

        var parts = headers.Signature.Split(' ');
        Assert.Equal(2, parts.Length);
        Assert.Equal(SpecVectors.Signature, parts[0]);
        Assert.Equal(WebhookSigner.Signature(other, SpecVectors.MessageId, SpecVectors.Timestamp, body), parts[1]);
    }

    [Fact]
    public void Signing_uses_whole_seconds_of_the_attempt_time()
    {
        var at = DateTimeOffset.FromUnixTimeMilliseconds(SpecVectors.Timestamp * 1000 + 999);

        var headers = new WebhookSigner(WebhookSecret.Parse(SpecVectors.Secret)).Sign(SpecVectors.MessageId, at, Encoding.UTF8.GetBytes(SpecVectors.Body));

        Assert.Equal(SpecVectors.Signature, headers.Signature);
    }

    [Theory]
    [InlineData("msg.1")]
    [InlineData("")]
    [InlineData("msg 1")]
    public void An_id_that_could_confuse_the_signed_content_is_refused(string id)
    {
        var signer = new WebhookSigner(WebhookSecret.Generate());

        var thrown = Assert.Throws<ArgumentException>(() => signer.Sign(id, 1L, "{}"u8));
        Assert.Equal("id", thrown.ParamName);
    }

    [Fact]
    public void New_ids_are_unique_and_valid()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => WebhookId.New()).ToList();

        Assert.Equal(1000, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Null(WebhookId.Problem(id)));
    }
}
