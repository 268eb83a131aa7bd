using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Commerce.Connectors.MarketplaceMonitoring.Mapping;

namespace Commerce.Connectors.MarketplaceMonitoring.Sources;

/// <summary>
/// The stored position of a collection's events: the cursor (unix seconds of the newest event taken) and, moved with it
/// in the same write, the supply counted from its transfers (minted and burned per token) and the transfers counted
/// within the overlap window (a re-read of the window must not count them again). One position, so the cursor and the
/// counts can never be stored apart. Written as JSON; a bare number (the cursor alone, as first stored) still reads.
/// </summary>
public sealed class EventsPosition
{
    private readonly Dictionary<string, (long Minted, long Burned)> _supply = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _counted = new(StringComparer.Ordinal);

    public long? Cursor { get; private set; }

    public static EventsPosition Read(string? value)
    {
        var position = new EventsPosition();
        if (string.IsNullOrEmpty(value))
            return position;
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var bare))
        {
            position.Cursor = bare;
            return position;
        }
        if (JsonNode.Parse(value) is not JsonObject o)
            return position;
        position.Cursor = o["cursor"]?.GetValue<long>();
        if (o["supply"] is JsonObject supply)
            foreach (var (token, counts) in supply)
                if (counts is JsonArray { Count: 2 } pair)
                    position._supply[token] = (pair[0]!.GetValue<long>(), pair[1]!.GetValue<long>());
        if (o["counted"] is JsonObject counted)
            foreach (var (key, at) in counted)
                position._counted[key] = at!.GetValue<long>();
        return position;
    }

    /// <summary>Counts <paramref name="transfer"/> unless it was counted before; answers the token's new counts, or null.</summary>
    public (long Minted, long Burned)? Count(SupplyTransfer transfer)
    {
        if (!_counted.TryAdd(transfer.Key, transfer.Timestamp))
            return null;
        var (minted, burned) = _supply.GetValueOrDefault(transfer.TokenId);
        var after = (minted + transfer.Minted, burned + transfer.Burned);
        _supply[transfer.TokenId] = after;
        return after;
    }

    /// <summary>Moves the cursor to <paramref name="newest"/> and forgets the transfers older than the next read's window.</summary>
    public void MoveTo(long newest, TimeSpan overlap)
    {
        Cursor = newest;
        var windowStart = newest - (long)overlap.TotalSeconds;
        foreach (var key in _counted.Where(c => c.Value <= windowStart).Select(c => c.Key).ToList())
            _counted.Remove(key);
    }

    public string Write() =>
        new JsonObject
        {
            ["cursor"] = Cursor,
            ["supply"] = new JsonObject(_supply.OrderBy(s => s.Key, StringComparer.Ordinal)
                .Select(s => KeyValuePair.Create<string, JsonNode?>(s.Key, new JsonArray(s.Value.Minted, s.Value.Burned)))),
            ["counted"] = new JsonObject(_counted.OrderBy(c => c.Key, StringComparer.Ordinal)
                .Select(c => KeyValuePair.Create<string, JsonNode?>(c.Key, c.Value))),
        }.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}
