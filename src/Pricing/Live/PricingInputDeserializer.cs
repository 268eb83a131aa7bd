using Commerce.Events.Envelope;
using Confluent.Kafka;

namespace Commerce.Pricing.Live;

/// <summary>
/// The pricing consumer's record values: a record whose envelope type pricing does not read (every offer it published
/// comes back on the player's events, several KiB each; pushes, item interest) is handed on as null instead of being
/// copied out of the consumer's buffer; the rest are copied as they are. A value that is not an envelope is copied too,
/// so the processor logs it as unreadable.
/// </summary>
public sealed class PricingInputDeserializer : IDeserializer<byte[]>
{
    public byte[] Deserialize(ReadOnlySpan<byte> data, bool isNull, SerializationContext context)
    {
        if (isNull)
            return null!;
        return EnvelopeSerializer.PeekType(data) is { } type && !EventInputMapper.Reads(type) ? null! : data.ToArray();
    }
}
