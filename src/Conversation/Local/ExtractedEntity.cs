namespace Commerce.Conversation.Local;

/// <summary>An entity the rules found: its category, its span (UTF-16 code units) and what it resolves to (an item id, a currency code, a number).</summary>
public sealed record ExtractedEntity(string Category, int Offset, int Length, string Resolution);
