namespace Commerce.Host.Api;

/// <summary><c>POST /api/me/chat</c>: a question, and the item it is about when the game asks from the item's page.</summary>
public sealed record ChatRequest(string? Text, string? ItemId);
