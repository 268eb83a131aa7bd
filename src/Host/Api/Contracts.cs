namespace Commerce.Host.Api;

// The game-client API's bodies (docs/API.md). Nullable members so that a missing field is
// reported by name rather than as a generic deserialization error.

public sealed record ChallengeRequest(string? Address);

public sealed record ChallengeResponse(string Message, string Nonce, DateTimeOffset ExpiresAt);

public sealed record SignInRequest(string? Message, string? Signature);

public sealed record SignInResponse(string Token, string PlayerId, DateTimeOffset ExpiresAt);

public sealed record InterestRequest(string? ItemId, double? DwellSeconds);

public sealed record Accepted(Guid EventId);

public sealed record AdminTokenResponse(string Token, DateTimeOffset ExpiresAt);

public sealed record ListItemRequest(string? Collection, string? TokenId, string? Rarity, int? Edition, int? Supply, decimal? ListPrice, string? Currency);

public sealed record RevokeTokenRequest(string? TokenId);
