namespace Commerce.Conversation.Recognition;

/// <summary>The wire names of <see cref="ChatIntentKind"/> (CLU categories, utterance labels, the API's <c>intent</c>).</summary>
public static class ChatIntentNames
{
    private static readonly Dictionary<string, ChatIntentKind> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["none"] = ChatIntentKind.None,
        ["ask_price"] = ChatIntentKind.AskPrice,
        ["ask_rarity"] = ChatIntentKind.AskRarity,
        ["compare"] = ChatIntentKind.Compare,
        ["negotiate"] = ChatIntentKind.Negotiate,
        ["buy"] = ChatIntentKind.Buy,
        ["hesitate"] = ChatIntentKind.Hesitate,
        ["smalltalk"] = ChatIntentKind.Smalltalk,
    };

    public static string Name(this ChatIntentKind kind) => kind switch
    {
        ChatIntentKind.AskPrice => "ask_price",
        ChatIntentKind.AskRarity => "ask_rarity",
        ChatIntentKind.Compare => "compare",
        ChatIntentKind.Negotiate => "negotiate",
        ChatIntentKind.Buy => "buy",
        ChatIntentKind.Hesitate => "hesitate",
        ChatIntentKind.Smalltalk => "smalltalk",
        _ => "none",
    };

    /// <summary>
    /// The intent as <c>ChatIntentDetected</c> names it for pricing (src/Events): "buy" is pricing's "ready_to_buy";
    /// the others keep their names (pricing reads ask_rarity and smalltalk as no intent).
    /// </summary>
    public static string EventName(this ChatIntentKind kind) => kind == ChatIntentKind.Buy ? "ready_to_buy" : kind.Name();

    /// <summary>An unknown category (a CLU project with more intents) is <see cref="ChatIntentKind.None"/>.</summary>
    public static ChatIntentKind Parse(string? name) => name is not null && ByName.TryGetValue(name, out var kind) ? kind : ChatIntentKind.None;

    public static IEnumerable<ChatIntentKind> Trained => Enum.GetValues<ChatIntentKind>().Where(k => k != ChatIntentKind.None);
}
