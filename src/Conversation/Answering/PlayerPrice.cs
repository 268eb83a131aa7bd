namespace Commerce.Conversation.Answering;

/// <summary>The price the platform offered to the asking player for one item (from that player's own session), while it holds.</summary>
public sealed record PlayerPrice(string OfferId, string Price, string Currency, DateTimeOffset ExpiresAt);
