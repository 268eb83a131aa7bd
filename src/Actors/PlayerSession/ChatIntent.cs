using Orleans;

namespace Commerce.Actors.PlayerSession;

/// <summary>An intent the chatbot detected (ask_price, compare, hesitate, negotiate ...).</summary>
[GenerateSerializer, Immutable, Alias("commerce.state.ChatIntent")]
public sealed record ChatIntent(
    [property: Id(0)] string? ItemId,
    [property: Id(1)] string Intent,
    [property: Id(2)] double Sentiment,
    [property: Id(3)] DateTimeOffset At);
