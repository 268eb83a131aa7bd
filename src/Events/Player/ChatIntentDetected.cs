namespace Commerce.Events.Player;

/// <summary>
/// The chatbot understood what a player wants from a message: an intent ("ask_price", "compare", "hesitate",
/// "negotiate", "ready_to_buy"), about an item or none, with a sentiment from -1 (negative) to 1. Key: player id.
/// </summary>
public sealed record ChatIntentDetected(string PlayerId, string? ItemId, string Intent, double Sentiment) : IEvent;
