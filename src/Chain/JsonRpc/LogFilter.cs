using System.Text.Json.Nodes;
using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;

namespace Commerce.Chain.JsonRpc;

/// <summary>
/// The filter of eth_getLogs. <see cref="Topics"/> is positional: null matches anything at that
/// position, several values match any of them.
/// </summary>
public sealed record LogFilter
{
    public BlockTag? FromBlock { get; init; }

    public BlockTag? ToBlock { get; init; }

    /// <summary>Instead of a block range: only this block.</summary>
    public string? BlockHash { get; init; }

    public IReadOnlyList<EthAddress> Addresses { get; init; } = [];

    public IReadOnlyList<IReadOnlyList<byte[]>?> Topics { get; init; } = [];

    internal JsonObject ToJson()
    {
        var json = new JsonObject();
        if (BlockHash is not null)
            json["blockHash"] = BlockHash;
        if (FromBlock is { } from)
            json["fromBlock"] = from.ToString();
        if (ToBlock is { } to)
            json["toBlock"] = to.ToString();
        if (Addresses.Count == 1)
            json["address"] = Addresses[0].ToLowerHex();
        else if (Addresses.Count > 1)
            json["address"] = new JsonArray(Addresses.Select(a => (JsonNode?)JsonValue.Create(a.ToLowerHex())).ToArray());
        if (Topics.Count > 0)
        {
            json["topics"] = new JsonArray(Topics.Select(position => position switch
            {
                null => null,
                { Count: 1 } single => (JsonNode?)JsonValue.Create(HexString.Encode(single[0])),
                _ => new JsonArray(position.Select(t => (JsonNode?)JsonValue.Create(HexString.Encode(t))).ToArray()),
            }).ToArray());
        }
        return json;
    }
}
