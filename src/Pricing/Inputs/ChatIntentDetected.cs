namespace Commerce.Pricing.Inputs;

/// <summary>The chatbot classified a player's message. Sentiment is -1 (negative) .. 1 (positive).</summary>
public sealed record ChatIntentDetected(string PlayerId, string? ItemId, ChatIntent Intent, decimal Sentiment, DateTimeOffset At)
    : PricingInput(At)
{
    public override string Key => PlayerId;
}
