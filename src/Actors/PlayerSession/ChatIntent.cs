namespace Commerce.Actors.PlayerSession;

/// <summary>An intent the chatbot detected (ask_price, compare, hesitate, negotiate ...).</summary>
public sealed record ChatIntent(string? ItemId, string Intent, double Sentiment, DateTimeOffset At);
