using Commerce.Actors.PlayerSession;

namespace Commerce.Marketing.Rules;

/// <summary>
/// One player's live context as a rule reads it (<see cref="RuleVariables"/>), made from the player session grain's
/// state at a moment: CEL's value types (int64, double, string, lists and maps of objects).
/// </summary>
public sealed class PlayerContext
{
    private PlayerContext(string playerId, string wallet, Dictionary<string, object?> variables)
    {
        PlayerId = playerId;
        Wallet = wallet;
        Variables = variables;
    }

    public string PlayerId { get; }

    /// <summary>Where an airdrop goes: the player id, which is its wallet address (lowercase), as the session grain's key.</summary>
    public string Wallet { get; }

    /// <summary>The variables by name (handed to the rule as they are; nothing writes them).</summary>
    internal Dictionary<string, object?> Variables { get; }

    public object? this[string name] => Variables.GetValueOrDefault(name);

    public static PlayerContext Of(PlayerSessionState state, DateTimeOffset now)
    {
        var firstSeen = FirstSeen(state) ?? now;
        var lastSeen = state.LastSeenAt ?? firstSeen;
        var intentCounts = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var intent in state.ChatIntents)
            intentCounts[intent.Intent] = (long)(intentCounts.GetValueOrDefault(intent.Intent) is long n ? n + 1 : 1);
        var variables = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["tier"] = state.LoyaltyTier,
            ["lifetimeValue"] = (double)state.LifetimeValue,
            ["interests"] = state.Interests.Select(i => (object?)i.ItemId).ToList(),
            ["interestCollections"] = state.Interests.Select(i => (object?)CollectionOf(i.ItemId)).Distinct().ToList(),
            ["interestCount"] = state.InterestCount,
            ["dwellSeconds"] = state.Interests.Sum(i => i.TotalDwellSeconds),
            ["intents"] = intentCounts.Keys.Select(k => (object?)k).ToList(),
            ["intentCounts"] = intentCounts,
            ["orders"] = (long)state.Orders.Count,
            ["completedOrders"] = (long)state.Orders.Count(o => o.Status == "completed"),
            ["inactiveDays"] = Math.Max(0, (now - lastSeen).TotalDays),
            ["walletAgeDays"] = Math.Max(0, (now - firstSeen).TotalDays),
        };
        return new PlayerContext(state.PlayerId, state.PlayerId.ToLowerInvariant(), variables);
    }

    private static string CollectionOf(string itemId)
    {
        var colon = itemId.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? itemId : itemId[..colon];
    }

    /// <summary>The first time the session saw the player: its earliest interest, chat intent or order.</summary>
    private static DateTimeOffset? FirstSeen(PlayerSessionState state)
    {
        DateTimeOffset? first = null;
        foreach (var at in state.Interests.Select(i => i.FirstAt).Concat(state.ChatIntents.Select(c => c.At)).Concat(state.Orders.Select(o => o.UpdatedAt)))
            first = first is null || at < first ? at : first;
        return first ?? state.LastSeenAt;
    }
}
