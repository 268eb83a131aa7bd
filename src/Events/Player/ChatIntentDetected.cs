using Orleans;

namespace Commerce.Events.Player;

/// <summary>
/// The chatbot understood what a player wants from a message: an intent ("ask_price", "ask_rarity", "compare",
/// "hesitate", "negotiate", "ready_to_buy", "smalltalk", "none"), about an item or none, with a sentiment from -1
/// (negative) to 1 and the recognizer's confidence in the intent, 0..1 (absent in records written before it: 0).
/// Key: player id.
/// </summary>
[GenerateSerializer, Immutable, Alias("commerce.events.ChatIntentDetected")]
public sealed record ChatIntentDetected(
    [property: Id(0)] string PlayerId,
    [property: Id(1)] string? ItemId,
    [property: Id(2)] string Intent,
    [property: Id(3)] double Sentiment,
    [property: Id(4)] double Confidence = 0) : IEvent;
