namespace Commerce.Sdk.Tests.Support;

/// <summary>What the test server saw when a client opened /api/push.</summary>
public sealed record ConnectRecord(int Index, long Cursor, string? Authorization, string? AccessToken, bool Accepted);
