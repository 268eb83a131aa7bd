using System.Text.Json;
using System.Text.Json.Nodes;
using Commerce.Chain.Hex;
using Commerce.Chain.JsonRpc;

namespace Commerce.Payments.Deposits;

/// <summary>eth_getBlockByNumber with full transaction objects ("hydrated"), read into <see cref="ScannedBlock"/>.</summary>
public static class BlockReader
{
    /// <summary>The call for block <paramref name="number"/> with its transactions; null when the node has no such block.</summary>
    public static RpcCall<ScannedBlock?> WithTransactions(ulong number) =>
        new("eth_getBlockByNumber", new JsonArray(JsonValue.Create(BlockTag.Number(number).ToString()), JsonValue.Create(true)), Read);

    public static ScannedBlock? Read(JsonElement block)
    {
        if (block.ValueKind == JsonValueKind.Null)
            return null;
        var transfers = new List<ScannedTransfer>();
        if (block.TryGetProperty("transactions", out var transactions))
        {
            foreach (var tx in transactions.EnumerateArray())
            {
                if (tx.ValueKind != JsonValueKind.Object)
                    throw new JsonException("the node answered transaction hashes where full transactions were asked for");
                var to = tx.TryGetProperty("to", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()!.ToLowerInvariant() : null;
                transfers.Add(new ScannedTransfer(
                    Text(tx, "hash").ToLowerInvariant(),
                    Text(tx, "from").ToLowerInvariant(),
                    to,
                    HexString.DecodeQuantity(Text(tx, "value"), "transaction.value")));
            }
        }
        return new ScannedBlock(
            HexString.DecodeQuantityUInt64(Text(block, "number"), "block.number"),
            Text(block, "hash").ToLowerInvariant(),
            Text(block, "parentHash").ToLowerInvariant(),
            HexString.DecodeQuantityUInt64(Text(block, "timestamp"), "block.timestamp"),
            transfers);
    }

    private static string Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new JsonException($"the block answer has no \"{name}\"");
}
