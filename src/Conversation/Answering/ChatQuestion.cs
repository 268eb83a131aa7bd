namespace Commerce.Conversation.Answering;

/// <summary>One question of a signed-in player: its text and, when the game asks from an item's page, that item.</summary>
public sealed record ChatQuestion(string PlayerId, string Text, string? ItemId);
