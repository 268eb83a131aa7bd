using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Commerce.Marketing.Rules;

/// <summary>
/// Reads <see cref="PlayerFacts"/> from a stored player session's JSON (the grain store's camelCase form of
/// <c>PlayerSessionState</c>) with <see cref="Utf8JsonReader"/>: only the fields a rule reads are decoded, the rest is
/// skipped, and no session object is built. The backfill reads 100,000 sessions this way (docs/BENCHMARKS.md).
/// </summary>
public static class PlayerFactsReader
{
    public static PlayerFacts Read(string json)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(json.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(json, buffer);
            return Read(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static PlayerFacts Read(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        Expect(ref reader, JsonTokenType.StartObject);
        string playerId = "", tier = "none";
        double lifetimeValue = 0, dwell = 0;
        long interestCount = 0, orders = 0, completed = 0;
        List<string> items = [];
        List<IntentSeen> intents = [];
        DateTimeOffset? first = null, lastSeen = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("playerId"u8)) { reader.Read(); playerId = reader.GetString() ?? ""; }
            else if (reader.ValueTextEquals("loyaltyTier"u8)) { reader.Read(); tier = reader.GetString() ?? "none"; }
            else if (reader.ValueTextEquals("lifetimeValue"u8)) { reader.Read(); lifetimeValue = reader.GetDouble(); }
            else if (reader.ValueTextEquals("interestCount"u8)) { reader.Read(); interestCount = reader.GetInt64(); }
            else if (reader.ValueTextEquals("lastSeenAt"u8)) { reader.Read(); lastSeen = reader.TokenType == JsonTokenType.Null ? null : reader.GetDateTimeOffset(); }
            else if (reader.ValueTextEquals("interests"u8)) ReadInterests(ref reader, items, ref dwell, ref first);
            else if (reader.ValueTextEquals("chatIntents"u8)) ReadIntents(ref reader, intents, ref first);
            else if (reader.ValueTextEquals("orders"u8)) ReadOrders(ref reader, ref orders, ref completed, ref first);
            else { reader.Read(); reader.Skip(); }
        }
        return new PlayerFacts(playerId, tier, lifetimeValue, items, interestCount, dwell, intents, orders, completed, first ?? lastSeen, lastSeen);
    }

    private static void ReadInterests(ref Utf8JsonReader reader, List<string> items, ref double dwell, ref DateTimeOffset? first)
    {
        if (!StartArray(ref reader))
            return;
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("itemId"u8)) { reader.Read(); items.Add(reader.GetString() ?? ""); }
                else if (reader.ValueTextEquals("totalDwellSeconds"u8)) { reader.Read(); dwell += reader.GetDouble(); }
                else if (reader.ValueTextEquals("firstAt"u8)) { reader.Read(); first = PlayerFacts.Earlier(first, reader.GetDateTimeOffset()); }
                else { reader.Read(); reader.Skip(); }
            }
        }
    }

    private static void ReadIntents(ref Utf8JsonReader reader, List<IntentSeen> intents, ref DateTimeOffset? first)
    {
        if (!StartArray(ref reader))
            return;
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            var intent = "";
            var at = DateTimeOffset.MinValue;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("intent"u8)) { reader.Read(); intent = reader.GetString() ?? ""; }
                else if (reader.ValueTextEquals("at"u8)) { reader.Read(); at = reader.GetDateTimeOffset(); first = PlayerFacts.Earlier(first, at); }
                else { reader.Read(); reader.Skip(); }
            }
            intents.Add(new IntentSeen(intent, at));
        }
    }

    private static void ReadOrders(ref Utf8JsonReader reader, ref long orders, ref long completed, ref DateTimeOffset? first)
    {
        if (!StartArray(ref reader))
            return;
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            orders++;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("status"u8)) { reader.Read(); completed += reader.ValueTextEquals(PlayerFacts.CompletedStatus) ? 1 : 0; }
                else if (reader.ValueTextEquals("updatedAt"u8)) { reader.Read(); first = PlayerFacts.Earlier(first, reader.GetDateTimeOffset()); }
                else { reader.Read(); reader.Skip(); }
            }
        }
    }

    /// <summary>Moves onto the value: true at an array's start, false for null (an absent list).</summary>
    private static bool StartArray(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
            return false;
        if (reader.TokenType != JsonTokenType.StartArray)
            throw new JsonException($"a player session's list is {reader.TokenType}, not an array");
        return true;
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (!reader.Read() || reader.TokenType != type)
            throw new JsonException($"a player session must be a JSON object (found {reader.TokenType})");
    }
}
