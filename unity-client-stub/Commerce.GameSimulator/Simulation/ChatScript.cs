namespace Commerce.GameSimulator.Simulation;

/// <summary>
/// What a simulated player asks the chatbot about an item: its price, then (by player number) a follow-up that pricing
/// reads as an intent that moves the price (negotiate, hesitate, compare) or that the chat answers from the item (rarity,
/// buy). A player that must move its price asks one of the first kind.
/// </summary>
public static class ChatScript
{
    /// <summary>The follow-ups pricing's policy adjusts a price for (the first three of <see cref="FollowUps"/>).</summary>
    private const int PriceMoving = 3;

    private static readonly string[] FollowUps =
    [
        "can you go lower on this one?",
        "hmm, I'm not sure, let me think about it",
        "is {item} better than {other}?",
        "how rare is it? how many are left?",
        "ok I'll take it",
    ];

    public static IReadOnlyList<string> For(int playerNumber, string itemId, string otherItemId, bool movePrice) =>
    [
        $"how much is {itemId}?",
        FollowUps[playerNumber % (movePrice ? PriceMoving : FollowUps.Length)]
            .Replace("{item}", itemId, StringComparison.Ordinal).Replace("{other}", otherItemId, StringComparison.Ordinal),
    ];
}
