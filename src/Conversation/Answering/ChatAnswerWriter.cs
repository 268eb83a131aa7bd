using System.Globalization;
using Commerce.Conversation.Recognition;

namespace Commerce.Conversation.Answering;

/// <summary>
/// Writes the answer to one question from the intent and the facts only: every figure in an answer is a field of
/// <see cref="ChatFacts"/>; what the facts do not hold is said not to be known, never guessed.
/// </summary>
public static class ChatAnswerWriter
{
    public const string Capabilities = "I can tell you an item's price for you, its rarity, the supply, the interest in it and the collection's floor.";

    public static string Write(ChatIntentKind intent, ChatFacts facts)
    {
        if (facts.UnknownItem is { } unknown && facts.Item is null)
            return $"I don't know an item {unknown}: it is not listed. {Capabilities}";
        if (intent == ChatIntentKind.Smalltalk)
            return $"Hi! {Capabilities}";
        if (intent == ChatIntentKind.None)
            return $"Sorry, I did not understand that. {Capabilities}";
        if (facts.Item is not { } item)
            return $"Which item do you mean? Name it (like \"dragons:4\") or ask from its page. {Capabilities}";
        return intent switch
        {
            ChatIntentKind.AskPrice => Price(item, facts.YourPrice),
            ChatIntentKind.AskRarity => Rarity(item),
            ChatIntentKind.Compare => Compare(facts, item),
            ChatIntentKind.Negotiate => Negotiate(item, facts.YourPrice),
            ChatIntentKind.Buy => Buy(item, facts.YourPrice),
            ChatIntentKind.Hesitate => Hesitate(item, facts.YourPrice),
            _ => Capabilities,
        };
    }

    private static string Price(ItemFacts item, PlayerPrice? yours) =>
        (yours is null
            ? $"No price has been offered to you for {item.ItemId} yet (its list price is {Amount(item.ListPrice, item.Currency)}); show interest in it and an offer will follow."
            : $"Your price for {item.ItemId} is {yours.Price} {yours.Currency}, offered to you until {Time(yours.ExpiresAt)}.")
        + Floor(item);

    private static string Rarity(ItemFacts item) =>
        $"{item.ItemId} is {Article(item.Rarity)} {item.Rarity} item, edition {item.Edition} of a supply of {item.Supply}; this one is {Status(item)}. "
        + $"{item.InterestTotal} interest(s) shown in it, {item.InterestLastHour} in the last hour.";

    private static string Compare(ChatFacts facts, ItemFacts item)
    {
        if (facts.Other is not { } other)
        {
            return item.FloorPrice is { } floor
                ? $"{Summary(item, facts.YourPrice)} The floor of {item.Collection} on the marketplaces is {Amount(floor, item.Currency)}."
                : $"{Summary(item, facts.YourPrice)} I don't know the floor of {item.Collection} on the marketplaces yet; name another item to compare with.";
        }

        return $"{Summary(item, facts.YourPrice)} {Summary(other, facts.YourPriceForOther)}";
    }

    private static string Summary(ItemFacts item, PlayerPrice? yours) =>
        $"{item.ItemId}: {item.Rarity}, supply {item.Supply}, {Status(item)}, "
        + (yours is null ? $"no price offered to you (list price {Amount(item.ListPrice, item.Currency)})." : $"your price {yours.Price} {yours.Currency}.");

    private static string Negotiate(ItemFacts item, PlayerPrice? yours) =>
        (yours is null
            ? $"I can't set prices in chat, and no price has been offered to you for {item.ItemId} yet (list price {Amount(item.ListPrice, item.Currency)})."
            : $"I can't set prices in chat; your current price for {item.ItemId} is {yours.Price} {yours.Currency} until {Time(yours.ExpiresAt)}.")
        + " I've passed on that you'd like a better price: pricing takes it into account in your next offer.";

    private static string Buy(ItemFacts item, PlayerPrice? yours)
    {
        if (!item.Available)
            return $"{item.ItemId} cannot be bought right now: it is {Status(item)}.";
        return yours is null
            ? $"No price has been offered to you for {item.ItemId} yet; show interest in it and order with the offer that follows."
            : $"Order {item.ItemId} with your offer (the signed quote of {yours.Price} {yours.Currency}) before {Time(yours.ExpiresAt)}.";
    }

    private static string Hesitate(ItemFacts item, PlayerPrice? yours) =>
        yours is null
            ? $"No rush. {item.ItemId} is {Status(item)}, with {item.InterestLastHour} interest(s) in the last hour."
            : $"No rush: your price of {yours.Price} {yours.Currency} for {item.ItemId} holds until {Time(yours.ExpiresAt)}; it is {Status(item)}.";

    private static string Floor(ItemFacts item) =>
        item.FloorPrice is { } floor ? $" The floor of {item.Collection} on the marketplaces is {Amount(floor, item.Currency)}." : "";

    private static string Status(ItemFacts item) => item.Status switch
    {
        "Available" => "available",
        "Reserved" => "reserved for an order",
        "Settling" => "paid for by an order being settled",
        "Sold" or "Minted" => "sold",
        var other => other.ToLowerInvariant(),
    };

    private static string Amount(decimal amount, string currency) =>
        $"{amount.ToString("0.##################", CultureInfo.InvariantCulture)} {currency}";

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static string Article(string word) => word.Length > 0 && "aeiouAEIOU".Contains(word[0]) ? "an" : "a";
}
