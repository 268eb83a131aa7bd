using System.Text;
using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;

namespace Commerce.Chain.Abi;

/// <summary>
/// A Solidity event. Topic 0 is keccak256 of the canonical signature (absent for anonymous
/// events); each indexed parameter takes one more topic (its 32-byte encoding for value types,
/// the Keccak-256 of the value for string, bytes, arrays and structs); the rest are ABI-encoded
/// in the data. Parse with <c>AbiEvent.Parse("event Transfer(address indexed from, address indexed to, uint256 value)")</c>.
/// </summary>
public sealed class AbiEvent
{
    public AbiEvent(string name, IReadOnlyList<AbiParameter> parameters, bool anonymous = false)
    {
        Name = name;
        Parameters = parameters;
        Anonymous = anonymous;
        Signature = $"{name}({string.Join(",", parameters.Select(p => p.Type.CanonicalName))})";
        Topic0 = Keccak256.HashUtf8(Signature);
    }

    public string Name { get; }

    public IReadOnlyList<AbiParameter> Parameters { get; }

    public bool Anonymous { get; }

    public string Signature { get; }

    /// <summary>keccak256(Signature): the first topic of a non-anonymous event's logs.</summary>
    public byte[] Topic0 { get; }

    public string Topic0Hex => HexString.Encode(Topic0);

    public static AbiEvent Parse(string declaration)
    {
        var (name, inputs, _, anonymous) = AbiSignatureParser.ParseDeclaration(declaration, "event");
        return new AbiEvent(name, inputs, anonymous);
    }

    /// <summary>The topic an indexed parameter of <paramref name="type"/> holding <paramref name="value"/> produces (for log filters).</summary>
    public static byte[] EncodeTopic(AbiType type, object? value)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.String:
                return Keccak256.Hash(Encoding.UTF8.GetBytes(AbiValues.ToText(value, "topic")));
            case AbiTypeKind.Bytes:
                return Keccak256.Hash(AbiValues.ToBytes(value, "topic"));
            case AbiTypeKind.Array or AbiTypeKind.Tuple:
                throw new AbiException("topic", $"topics of indexed {type} values are not supported");
            default:
                return AbiEncoder.EncodeWord(type, value, "topic");
        }
    }

    public DecodedLog Decode(IReadOnlyList<string> topics, string data) =>
        Decode(topics.Select((t, i) => HexString.DecodeFixed(t, 32, $"topics[{i}]")).ToArray(), HexString.Decode(data, "data"));

    public DecodedLog Decode(IReadOnlyList<byte[]> topics, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(topics);
        var indexed = Parameters.Where(p => p.Indexed).ToArray();
        var first = Anonymous ? 0 : 1;
        if (topics.Count != first + indexed.Length)
            throw new AbiException("topics", $"{Signature} has {first + indexed.Length} topic(s), the log has {topics.Count}");
        if (!Anonymous && !topics[0].AsSpan().SequenceEqual(Topic0))
            throw new AbiException("topics[0]", $"is not the topic of {Signature} ({Topic0Hex})");

        var dataValues = AbiDecoder.Decode(Parameters.Where(p => !p.Indexed).ToArray(), data);
        var arguments = new object?[Parameters.Count];
        int topic = first, dataIndex = 0;
        for (var i = 0; i < Parameters.Count; i++)
        {
            var parameter = Parameters[i];
            if (!parameter.Indexed)
            {
                arguments[i] = dataValues[dataIndex++];
                continue;
            }
            var word = topics[topic++];
            if (word.Length != 32)
                throw new AbiException($"topics[{topic - 1}]", "a topic is 32 bytes");
            arguments[i] = parameter.Type.IsDynamic || parameter.Type.Kind is AbiTypeKind.Array or AbiTypeKind.Tuple
                ? new IndexedValueHash((byte[])word.Clone())
                : AbiDecoder.DecodeWord(parameter.Type, word, parameter.Name.Length > 0 ? parameter.Name : $"topics[{topic - 1}]");
        }
        return new DecodedLog(this, arguments);
    }

    public override string ToString() => Signature;
}
