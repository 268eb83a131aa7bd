using Commerce.Connectors.Webhooks;

namespace Commerce.Connectors.Tests.Webhooks;

public sealed class WebhookSecretTests
{
    [Fact]
    public void A_secret_parses_and_serializes_back_unchanged()
    {
        var secret = WebhookSecret.Parse(SpecVectors.Secret);

        Assert.Equal(SpecVectors.Secret, secret.Serialize());
    }

    [Fact]
    public void A_generated_secret_is_32_random_bytes_in_whsec_form()
    {
        var first = WebhookSecret.Generate();
        var second = WebhookSecret.Generate();

        Assert.StartsWith("whsec_", first.Serialize());
        Assert.Equal(32, Convert.FromBase64String(first.Serialize()["whsec_".Length..]).Length);
        Assert.NotEqual(first.Serialize(), second.Serialize());
        Assert.Equal(first.Serialize(), WebhookSecret.Parse(first.Serialize()).Serialize());
    }

    [Fact]
    public void ToString_never_shows_the_key()
    {
        var secret = WebhookSecret.Parse(SpecVectors.Secret);

        Assert.DoesNotContain("MfKQ9r8G", secret.ToString());
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "does not start with whsec_")]
    [InlineData("whsec_", "not whsec_ followed by valid base64")]
    [InlineData("whsec_not base64 at all!", "not whsec_ followed by valid base64")]
    [InlineData("whsec_MfKQ9r8GKYqrTwjUPD8I LPZIo2LaLaSw", "not whsec_ followed by valid base64")]
    [InlineData("whsec_AAECAwQFBgcICQoLDA0ODw==", "decodes to 16 bytes")]
    public void A_malformed_secret_is_refused_with_the_reason(string text, string reason)
    {
        Assert.False(WebhookSecret.TryParse(text, out _, out var error));
        Assert.Contains(reason, error);
        var thrown = Assert.Throws<FormatException>(() => WebhookSecret.Parse(text));
        Assert.Contains(reason, thrown.Message);
    }

    [Fact]
    public void A_secret_longer_than_512_bits_is_refused()
    {
        var text = "whsec_" + Convert.ToBase64String(new byte[65]);

        Assert.False(WebhookSecret.TryParse(text, out _, out var error));
        Assert.Contains("65 bytes", error);
    }
}
