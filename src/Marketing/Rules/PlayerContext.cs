using Commerce.Actors.PlayerSession;

namespace Commerce.Marketing.Rules;

/// <summary>
/// One player's live context as a rule reads it (<see cref="RuleVariables"/>), made from the player's
/// <see cref="PlayerFacts"/> at a moment: CEL's value types (int64, double, string, lists and maps of objects). Built
/// for a set of variables (those a rule reads, <see cref="CompiledRule.Reads"/>), so the backfill builds no list a rule
/// does not read.
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

    /// <summary>Every variable, from a session state (the live stream, tests).</summary>
    public static PlayerContext Of(PlayerSessionState state, DateTimeOffset now) => Of(PlayerFacts.From(state), now, VariableSet.All);

    public static PlayerContext Of(PlayerFacts facts, DateTimeOffset now, VariableSet needed)
    {
        var variables = new Dictionary<string, object?>(BitCount(needed), StringComparer.Ordinal);
        var names = RuleVariables.All;
        for (var i = 0; i < names.Count; i++)
        {
            if (needed.Contains(i))
                variables[names[i].Name] = Value(facts, now, i);
        }
        return new PlayerContext(facts.PlayerId, facts.PlayerId.ToLowerInvariant(), variables);
    }

    private static object? Value(PlayerFacts facts, DateTimeOffset now, int variable) => variable switch
    {
        RuleVariables.Tier => facts.Tier,
        RuleVariables.LifetimeValue => facts.LifetimeValue,
        RuleVariables.Interests => facts.InterestItems.Select(i => (object?)i).ToList(),
        RuleVariables.InterestCollections => facts.InterestItems.Select(i => (object?)CollectionOf(i)).Distinct().ToList(),
        RuleVariables.InterestCount => facts.InterestCount,
        RuleVariables.DwellSeconds => facts.DwellSeconds,
        RuleVariables.Intents => facts.Intents.Select(i => i.Intent).Distinct(StringComparer.Ordinal).Select(i => (object?)i).ToList(),
        RuleVariables.IntentCounts => IntentCounts(facts.Intents),
        RuleVariables.Orders => facts.Orders,
        RuleVariables.CompletedOrders => facts.CompletedOrders,
        RuleVariables.InactiveDays => Math.Max(0, (now - (facts.LastSeen ?? facts.FirstSeen ?? now)).TotalDays),
        RuleVariables.WalletAgeDays => Math.Max(0, (now - (facts.FirstSeen ?? now)).TotalDays),
        _ => throw new ArgumentOutOfRangeException(nameof(variable), variable, "not a rule variable"),
    };

    private static Dictionary<string, object?> IntentCounts(IReadOnlyList<IntentSeen> intents)
    {
        var counts = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (intent, _) in intents)
            counts[intent] = (long)(counts.GetValueOrDefault(intent) is long n ? n + 1 : 1);
        return counts;
    }

    private static string CollectionOf(string itemId)
    {
        var colon = itemId.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? itemId : itemId[..colon];
    }

    private static int BitCount(VariableSet set) => System.Numerics.BitOperations.PopCount((uint)set.Bits);
}
