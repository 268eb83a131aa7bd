using System.Text.Json;

namespace Commerce.Connectors.MarketplaceMonitoring.Mapping;

/// <summary>
/// Reads a <c>transfer</c> event of the REST events API as a change of supply: from the zero address it is a mint, to
/// the zero address or the conventional dead address a burn, <c>quantity</c> tokens of <c>nft.identifier</c>; a
/// transfer between holders changes no supply (null). A mint or burn with a missing or wrong field is refused by name.
/// </summary>
public static class TransferReader
{
    private const string Zero = "0x0000000000000000000000000000000000000000";
    private const string Dead = "0x000000000000000000000000000000000000dead";

    public static (SupplyTransfer? Transfer, string? Refused) Read(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object || Text(e, "event_type") != "transfer")
            return (null, null);
        var from = Text(e, "from_address")?.ToLowerInvariant();
        var to = Text(e, "to_address")?.ToLowerInvariant();
        if (from is null || to is null)
            return (null, "from_address, to_address: missing");
        var minted = from == Zero;
        var burned = to is Zero or Dead;
        if (minted == burned)
            return (null, null); // between holders (or zero to zero): the supply is the same
        if (!e.TryGetProperty("event_timestamp", out var ts) || ts.ValueKind != JsonValueKind.Number || !ts.TryGetInt64(out var timestamp))
            return (null, "event_timestamp: missing or not unix seconds");
        var transaction = Text(e, "transaction");
        if (transaction is null || transaction.Length is < 4 or > 130)
            return (null, "transaction: missing");
        var tokenId = e.TryGetProperty("nft", out var nft) && nft.ValueKind == JsonValueKind.Object ? Text(nft, "identifier") : null;
        if (tokenId is null || tokenId.Length is 0 or > 78 || !tokenId.All(char.IsAsciiLetterOrDigit))
            return (null, "nft.identifier: missing or not a token id");
        long quantity = 1;
        if (e.TryGetProperty("quantity", out var q) && (q.ValueKind != JsonValueKind.Number || !q.TryGetInt64(out quantity) || quantity < 1))
            return (null, "quantity: not a whole number at least 1");
        var key = $"{transaction}/{tokenId}/{from}/{to}/{quantity}";
        return (new SupplyTransfer(key, tokenId, minted ? quantity : 0, burned ? quantity : 0, timestamp), null);
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
