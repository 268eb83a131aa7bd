namespace Commerce.Marketing.Rules;

/// <summary>The live player context a targeting rule reads (<see cref="PlayerContext"/> fills them).</summary>
public static class RuleVariables
{
    public const int Tier = 0, LifetimeValue = 1, Interests = 2, InterestCollections = 3, InterestCount = 4, DwellSeconds = 5,
        Intents = 6, IntentCounts = 7, Orders = 8, CompletedOrders = 9, InactiveDays = 10, WalletAgeDays = 11;

    /// <summary>The variables, each at the index of its constant above.</summary>
    public static IReadOnlyList<RuleVariable> All { get; } =
    [
        new("tier", RuleType.String, "loyalty tier from the CRM (\"none\" until the CRM said)"),
        new("lifetimeValue", RuleType.Double, "lifetime value from the CRM (the player's spend)"),
        new("interests", RuleType.StringList, "items the player showed interest in (item ids, collection:tokenId)"),
        new("interestCollections", RuleType.StringList, "collections of those items"),
        new("interestCount", RuleType.Int, "interests shown, all items together"),
        new("dwellSeconds", RuleType.Double, "seconds of dwell over all interests"),
        new("intents", RuleType.StringList, "chat intents detected (distinct: ask_price, compare, hesitate, negotiate ...)"),
        new("intentCounts", RuleType.CountMap, "chat intents detected, per intent"),
        new("orders", RuleType.Int, "orders placed"),
        new("completedOrders", RuleType.Int, "orders completed"),
        new("inactiveDays", RuleType.Double, "days since the player was last seen"),
        new("walletAgeDays", RuleType.Double, "days since the platform first saw the wallet"),
    ];

    private static readonly Dictionary<string, int> Index = All.Select((v, i) => (v.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);

    public static RuleVariable? Find(string name) => Index.TryGetValue(name, out var i) ? All[i] : null;

    public static int IndexOf(string name) =>
        Index.TryGetValue(name, out var i) ? i : throw new ArgumentException($"'{name}' is not a rule variable", nameof(name));
}
