using System.Text;
using Commerce.Events.Envelope;
using Commerce.Events.Player;

namespace Commerce.Events.Tests;

public sealed class EnvelopeSerializerTests
{
    [Fact]
    public void An_envelope_round_trips_with_its_payload_type()
    {
        var envelope = EventEnvelope.Create("0xabc", new InterestShown("0xabc", "dragons:1", 2.5, "test"), DateTimeOffset.Parse("2026-11-22T10:00:00Z"), "corr-1");
        var read = EnvelopeSerializer.Deserialize(EnvelopeSerializer.Serialize(envelope));
        Assert.Equal(envelope with { Payload = read.Payload }, read);
        Assert.Equal(new InterestShown("0xabc", "dragons:1", 2.5, "test"), read.Payload);
    }

    [Fact]
    public void A_hand_written_envelope_with_the_type_discriminator_last_is_read()
    {
        var json = """
            {"id":"0193f3e4-1111-7000-8000-000000000001","type":"InterestShown","key":"0xabc","occurredAt":"2026-11-22T10:00:00Z",
             "schemaVersion":1,"payload":{"playerId":"0xabc","itemId":"dragons:1","dwellSeconds":1,"source":"kcat","$type":"InterestShown"}}
            """;
        var read = EnvelopeSerializer.Deserialize(Encoding.UTF8.GetBytes(json));
        Assert.Equal("dragons:1", Assert.IsType<InterestShown>(read.Payload).ItemId);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"id":"0193f3e4-1111-7000-8000-000000000001","type":"X","key":"k","occurredAt":"2026-11-22T10:00:00Z","schemaVersion":1,"payload":{"$type":"NoSuchEvent"}}""")]
    [InlineData("""{"id":"0193f3e4-1111-7000-8000-000000000001","type":"X","occurredAt":"2026-11-22T10:00:00Z","schemaVersion":1,"payload":{"$type":"InterestShown","playerId":"p","itemId":"i","dwellSeconds":1,"source":"s"}}""")]
    public void Malformed_or_unknown_envelopes_are_refused_with_a_clear_error(string json)
    {
        var error = Assert.Throws<InvalidEventException>(() => EnvelopeSerializer.Deserialize(Encoding.UTF8.GetBytes(json)));
        Assert.Contains("envelope", error.Message);
    }
}

public sealed class RawJsonConverterTests
{
    [Fact]
    public void A_push_body_is_nested_json_on_the_wire_and_reads_back_as_the_same_text()
    {
        var push = new Commerce.Events.Pushes.PlayerPushed("0xabc", 7, "InterestRecorded", """{"itemId":"dragons:1","n":2}""");
        var bytes = EnvelopeSerializer.Serialize(EventEnvelope.Create("0xabc", push, DateTimeOffset.UtcNow));
        Assert.Contains("\"bodyJson\":{\"itemId\":\"dragons:1\",\"n\":2}", Encoding.UTF8.GetString(bytes));
        Assert.Equal(push, EnvelopeSerializer.Deserialize(bytes).Payload);
    }

    [Fact]
    public void The_type_is_peeked_without_reading_the_payload()
    {
        var envelope = EventEnvelope.Create("0xabc", new InterestShown("0xabc", "dragons:1", 2.5, "test"), DateTimeOffset.Parse("2026-11-22T10:00:00Z"));
        Assert.Equal("InterestShown", EnvelopeSerializer.PeekType(EnvelopeSerializer.Serialize(envelope)));

        // A hand-written envelope may put "type" after nested values, which are skipped whole.
        var late = """{"payload":{"type":"Decoy","$type":"InterestShown"},"key":"0xabc","type":"LoyaltyUpdated"}""";
        Assert.Equal("LoyaltyUpdated", EnvelopeSerializer.PeekType(Encoding.UTF8.GetBytes(late)));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"key":"0xabc"}""")]
    [InlineData("""{"type":7}""")]
    [InlineData("")]
    public void No_type_is_peeked_from_what_is_not_an_envelope_with_a_type(string text) =>
        Assert.Null(EnvelopeSerializer.PeekType(Encoding.UTF8.GetBytes(text)));
}
