using System.Text;
using Commerce.Connectors.Tests.Support;
using Commerce.Connectors.Webhooks;

namespace Commerce.Connectors.Tests.Webhooks;

public sealed class WebhookVerifierTests
{
    private static readonly WebhookSecret SpecSecret = WebhookSecret.Parse(SpecVectors.Secret);
    private static readonly byte[] SpecBody = Encoding.UTF8.GetBytes(SpecVectors.Body);
    private static readonly string SpecTimestamp = SpecVectors.Timestamp.ToString();

    [Theory]
    [MemberData(nameof(SpecVectors.All), MemberType = typeof(SpecVectors))]
    public void The_known_answer_verifies_at_its_own_time(string secret, string id, long timestamp, string body, string signature)
    {
        var verifier = new WebhookVerifier([WebhookSecret.Parse(secret)], ManualClock.AtUnixSeconds(timestamp));

        var result = verifier.Verify(id, timestamp.ToString(), signature, Encoding.UTF8.GetBytes(body));

        Assert.True(result.IsValid, result.Reason);
        Assert.Equal(id, result.Id);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(timestamp), result.Timestamp);
    }

    [Theory]
    [InlineData("{\"test\": 2432232315}")]
    [InlineData("{\"test\":2432232314}")]
    [InlineData("{\"test\": 2432232314} ")]
    [InlineData("")]
    public void A_tampered_body_is_refused(string body)
    {
        var result = SpecVerifier().Verify(SpecVectors.MessageId, SpecTimestamp, SpecVectors.Signature, Encoding.UTF8.GetBytes(body));

        AssertFails(result, WebhookVerificationFailure.SignatureMismatch);
    }

    [Fact]
    public void A_tampered_id_is_refused()
    {
        var result = SpecVerifier().Verify("msg_p5jXN8AQM9LWM0D4loKWxJeK", SpecTimestamp, SpecVectors.Signature, SpecBody);

        AssertFails(result, WebhookVerificationFailure.SignatureMismatch);
    }

    [Fact]
    public void A_tampered_timestamp_is_refused_even_within_the_tolerance()
    {
        var result = SpecVerifier().Verify(SpecVectors.MessageId, (SpecVectors.Timestamp + 1).ToString(), SpecVectors.Signature, SpecBody);

        AssertFails(result, WebhookVerificationFailure.SignatureMismatch);
    }

    [Fact]
    public void A_tampered_signature_is_refused()
    {
        var bytes = Convert.FromBase64String(SpecVectors.Signature[3..]);
        bytes[^1] ^= 1;

        var result = SpecVerifier().Verify(SpecVectors.MessageId, SpecTimestamp, "v1," + Convert.ToBase64String(bytes), SpecBody);

        AssertFails(result, WebhookVerificationFailure.SignatureMismatch);
    }

    [Theory]
    [InlineData(-300, true)]
    [InlineData(-301, false)]
    [InlineData(300, true)]
    [InlineData(301, false)]
    [InlineData(-86_400, false)]
    public void Timestamps_are_accepted_only_within_five_minutes_of_now(int offsetSeconds, bool accepted)
    {
        var clock = ManualClock.AtUnixSeconds(SpecVectors.Timestamp + 10_000);
        var sentAt = SpecVectors.Timestamp + 10_000 + offsetSeconds;
        var signature = WebhookSigner.Signature(SpecSecret, SpecVectors.MessageId, sentAt, SpecBody);

        var result = new WebhookVerifier([SpecSecret], clock).Verify(SpecVectors.MessageId, sentAt.ToString(), signature, SpecBody);

        if (accepted)
            Assert.True(result.IsValid, result.Reason);
        else
            AssertFails(result, offsetSeconds < 0 ? WebhookVerificationFailure.TimestampTooOld : WebhookVerificationFailure.TimestampTooNew);
    }

    [Fact]
    public void The_tolerance_can_be_narrowed()
    {
        var clock = ManualClock.AtUnixSeconds(SpecVectors.Timestamp + 31);

        var result = new WebhookVerifier([SpecSecret], clock, TimeSpan.FromSeconds(30)).Verify(SpecVectors.MessageId, SpecTimestamp, SpecVectors.Signature, SpecBody);

        AssertFails(result, WebhookVerificationFailure.TimestampTooOld);
        Assert.Contains("31 s old", result.Reason);
    }

    [Fact]
    public void A_message_becomes_stale_as_the_clock_moves()
    {
        var clock = ManualClock.AtUnixSeconds(SpecVectors.Timestamp);
        var verifier = new WebhookVerifier([SpecSecret], clock);
        Assert.True(verifier.Verify(SpecVectors.MessageId, SpecTimestamp, SpecVectors.Signature, SpecBody).IsValid);

        clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        AssertFails(verifier.Verify(SpecVectors.MessageId, SpecTimestamp, SpecVectors.Signature, SpecBody), WebhookVerificationFailure.TimestampTooOld);
    }

    [Fact]
    public void Any_one_valid_signature_among_several_is_enough()
    {
        var header = string.Join(' ',
            "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=",
            "v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=",
            "v1a,hnO3f9T8Ytu9HwrXslvumlUpqtNVqkhqw/enGzPCXe5BdqzCInXqYXFymVJaA7AZdpXwVLPo3mNl8EM+m7TBAg==",
            "v1,not-base64!",
            "garbage",
            SpecVectors.Signature,
            "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=");

        var result = SpecVerifier().Verify(SpecVectors.MessageId, SpecTimestamp, header, SpecBody);

        Assert.True(result.IsValid, result.Reason);
    }

    [Fact]
    public void During_a_rotation_both_the_old_and_the_new_secret_verify()
    {
        var newSecret = WebhookSecret.Generate();
        var verifier = new WebhookVerifier([newSecret, SpecSecret], ManualClock.AtUnixSeconds(SpecVectors.Timestamp));
        var signedWithNew = WebhookSigner.Signature(newSecret, SpecVectors.MessageId, SpecVectors.Timestamp, SpecBody);

        Assert.True(verifier.Verify(SpecVectors.MessageId, SpecTimestamp, SpecVectors.Signature, SpecBody).IsValid);
        Assert.True(verifier.Verify(SpecVectors.MessageId, SpecTimestamp, signedWithNew, SpecBody).IsValid);
    }

    [Fact]
    public void After_a_rotation_the_retired_secret_no_longer_verifies()
    {
        var newSecret = WebhookSecret.Generate();
        var verifier = new WebhookVerifier([newSecret], ManualClock.AtUnixSeconds(SpecVectors.Timestamp));

        AssertFails(verifier.Verify(SpecVectors.MessageId, SpecTimestamp, SpecVectors.Signature, SpecBody), WebhookVerificationFailure.SignatureMismatch);
    }

    [Theory]
    [InlineData(null, "1614265330", "v1,x", WebhookVerificationFailure.MissingId, "webhook-id header is missing")]
    [InlineData("msg.1", "1614265330", "v1,x", WebhookVerificationFailure.InvalidId, "contains '.'")]
    [InlineData("msg_1", null, "v1,x", WebhookVerificationFailure.MissingTimestamp, "webhook-timestamp header is missing")]
    [InlineData("msg_1", "2021-02-25T15:02:10Z", "v1,x", WebhookVerificationFailure.InvalidTimestamp, "not integer Unix seconds")]
    [InlineData("msg_1", "-5", "v1,x", WebhookVerificationFailure.InvalidTimestamp, "not integer Unix seconds")]
    [InlineData("msg_1", "1614265330.5", "v1,x", WebhookVerificationFailure.InvalidTimestamp, "not integer Unix seconds")]
    [InlineData("msg_1", "99999999999999999999999", "v1,x", WebhookVerificationFailure.InvalidTimestamp, "not integer Unix seconds")]
    [InlineData("msg_1", "1614265330", null, WebhookVerificationFailure.MissingSignature, "webhook-signature header is missing")]
    [InlineData("msg_1", "1614265330", "v1a,abc v2,abc", WebhookVerificationFailure.NoSupportedSignature, "has no v1 signature")]
    [InlineData("msg_1", "1614265330", "v1,", WebhookVerificationFailure.SignatureMismatch, "no webhook-signature matches")]
    public void A_refusal_says_which_header_is_at_fault(string? id, string? timestamp, string? signature, WebhookVerificationFailure failure, string reason)
    {
        var result = SpecVerifier().Verify(id, timestamp, signature, SpecBody);

        AssertFails(result, failure);
        Assert.Contains(reason, result.Reason);
    }

    private static WebhookVerifier SpecVerifier() => new([SpecSecret], ManualClock.AtUnixSeconds(SpecVectors.Timestamp));

    private static void AssertFails(WebhookVerification result, WebhookVerificationFailure expected)
    {
        Assert.False(result.IsValid, $"expected {expected}, but the webhook was accepted");
        Assert.Equal(expected, result.Failure);
        Assert.False(string.IsNullOrEmpty(result.Reason));
    }
}
