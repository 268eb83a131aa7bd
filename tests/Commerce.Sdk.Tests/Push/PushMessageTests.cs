using Commerce.Sdk;

namespace Commerce.Sdk.Tests.Push;

public sealed class PushMessageTests
{
    [Fact]
    public void Parses_a_documented_frame_and_keeps_the_payload_text()
    {
        var message = PushMessage.Parse(
            "{\"seq\":17,\"type\":\"InterestRecorded\",\"occurredAt\":\"2026-11-22T10:00:00.5+00:00\",\"payload\":{\"itemId\":\"dragons:42\",\"dwell\":3.50}}");

        Assert.Equal(17, message.Seq);
        Assert.Equal("InterestRecorded", message.Type);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 10, 0, 0, 500, TimeSpan.Zero), message.OccurredAt);
        Assert.Equal("{\"itemId\":\"dragons:42\",\"dwell\":3.50}", message.PayloadJson);
        Assert.Equal("dragons:42", message.ParsePayload().GetStringOrDefault("itemId"));
    }

    [Fact]
    public void Unknown_fields_are_ignored_and_missing_optional_ones_default()
    {
        var message = PushMessage.Parse("{\"seq\":1,\"type\":\"OfferMade\",\"extra\":[1]}");

        Assert.Equal(DateTimeOffset.MinValue, message.OccurredAt);
        Assert.Equal("null", message.PayloadJson);
    }

    [Theory]
    [InlineData("not json", "offset")]
    [InlineData("[1]", "object")]
    [InlineData("{\"type\":\"X\"}", "seq")]
    [InlineData("{\"seq\":0,\"type\":\"X\"}", "seq")]
    [InlineData("{\"seq\":1.5,\"type\":\"X\"}", "seq")]
    [InlineData("{\"seq\":\"3\",\"type\":\"X\"}", "seq")]
    [InlineData("{\"seq\":3}", "type")]
    [InlineData("{ \"type\": \"ping\" }", "seq")]
    public void Frames_without_a_positive_seq_and_a_type_are_refused(string frame, string messagePart)
    {
        Assert.Contains(messagePart, Assert.ThrowsAny<FormatException>(() => PushMessage.Parse(frame)).Message);
    }
}
