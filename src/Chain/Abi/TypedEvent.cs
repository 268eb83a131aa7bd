using Commerce.Chain.Hex;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.ABI.Model;

namespace Commerce.Chain.Abi;

/// <summary>
/// An event as a Nethereum <c>[Event]</c> type (an <see cref="IEventDTO"/>): its first topic, and strict
/// decoding of a log (topic count, topic 0, canonical words) before Nethereum fills the DTO.
/// </summary>
public static class TypedEvent<TEvent> where TEvent : IEventDTO, new()
{
    public static EventABI Abi { get; } = new AttributesToABIExtractor().ExtractEventABI(typeof(TEvent));

    /// <summary>keccak256 of the canonical signature: the first topic of the event's logs.</summary>
    public static byte[] Topic0 => (byte[])_topic0.Clone();

    private static readonly byte[] _topic0 = Selectors.FromSha3Signature(Abi.Sha3Signature, 32);

    public static string Topic0Hex { get; } = HexString.Encode(_topic0);

    public static bool Matches(IReadOnlyList<string> topics) =>
        topics is { Count: > 0 } && string.Equals(topics[0], Topic0Hex, StringComparison.OrdinalIgnoreCase);

    /// <summary>Decodes a log of this event; <see cref="AbiException"/> names what is wrong with it.</summary>
    public static TEvent Decode(IReadOnlyList<string> topics, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(topics);
        var indexed = Abi.InputParameters.Where(p => p.Indexed).OrderBy(p => p.Order).ToArray();
        if (topics.Count != 1 + indexed.Length)
            throw new AbiException("topics", $"{Abi.Signature} has {1 + indexed.Length} topic(s), the log has {topics.Count}");
        if (!Matches(topics))
            throw new AbiException("topics[0]", $"is not the topic of {Abi.Signature} ({Topic0Hex})");
        for (var i = 0; i < indexed.Length; i++)
            CanonicalWords.CheckWord(indexed[i].ABIType, HexString.DecodeFixed(topics[i + 1], 32, $"topics[{i + 1}]"), $"topics[{i + 1}]");
        CanonicalWords.Check(Abi.InputParameters.Where(p => !p.Indexed).OrderBy(p => p.Order).ToArray(), data, "data");
        return new EventTopicDecoder().DecodeTopics<TEvent>(topics.Cast<object>().ToArray(), HexString.Encode(data));
    }
}
