namespace Commerce.Conversation.Answering;

/// <summary>
/// The facts one answer may use: the item asked about (null when none was named or it is not listed), the price offered
/// to the asking player for it (null when none holds), and, for a comparison, the other item and its price.
/// <see cref="UnknownItem"/> is an item the question named that is not listed.
/// </summary>
public sealed record ChatFacts(
    ItemFacts? Item,
    PlayerPrice? YourPrice,
    ItemFacts? Other = null,
    PlayerPrice? YourPriceForOther = null,
    string? UnknownItem = null);
